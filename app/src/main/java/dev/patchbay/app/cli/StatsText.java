package dev.patchbay.app.cli;

import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkReading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A counter snapshot for a terminal (a row per link, like {@code ip -s link}) or as JSON data. A
 * figure nobody can read is "n/a" (null in JSON), never 0; the reasons follow the table.
 */
public final class StatsText {
  private static final String NA = "n/a";
  private static final String[] HEADER = {"LINK", "ENDS", "A->B", "B->A", "FRAMES/S", "BYTES", "ERR/DROP", "SOURCE"};

  private StatsText() {}

  public static String table(CounterSnapshot s) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    List<String> notes = new ArrayList<>();
    for (LinkReading r : s.links()) {
      rows.add(new String[] {r.linkId(), r.a() + " <-> " + r.b(), count(r.aToB()), count(r.bToA()), rate(r.rate()),
          count(r.bytes()), errorsAndDrops(r), r.source()});
      if (r.note() != null) {
        notes.add(r.linkId() + ": " + (r.available() ? "total " + r.total() + " frames only: " : NA + ": ") + r.note());
      }
    }
    StringBuilder sb = new StringBuilder();
    int[] widths = widths(rows);
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        boolean last = i == row.length - 1;
        sb.append(last ? row[i] : pad(row[i], widths[i], i >= 2 && i <= 6)).append(last ? "" : "  ");
      }
      sb.append('\n');
    }
    notes.forEach(n -> sb.append(n).append('\n'));
    return sb.toString();
  }

  private static int[] widths(List<String[]> rows) {
    int[] w = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        w[i] = Math.max(w[i], row[i].length());
      }
    }
    return w;
  }

  private static String pad(String text, int width, boolean right) {
    String fill = " ".repeat(width - text.length());
    return right ? fill + text : text + fill;
  }

  private static String count(Long value) {
    return value == null ? NA : Long.toString(value);
  }

  private static String rate(Double value) {
    return value == null ? NA : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String errorsAndDrops(LinkReading r) {
    return r.errors() == null ? NA : r.errors() + "/" + r.drops();
  }

  /** The snapshot as plain data for JSON: nulls stay null so n/a is never read as 0. */
  public static Map<String, Object> json(CounterSnapshot s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("at", s.at().toString());
    out.put("elapsedSeconds", s.elapsedSeconds());
    List<Map<String, Object>> links = new ArrayList<>();
    for (LinkReading r : s.links()) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("id", r.linkId());
      l.put("a", r.a());
      l.put("b", r.b());
      l.put("available", r.available());
      l.put("aToB", r.aToB());
      l.put("bToA", r.bToA());
      l.put("frames", r.total());
      l.put("framesPerSecond", r.rate());
      l.put("bytes", r.bytes());
      l.put("errors", r.errors());
      l.put("drops", r.drops());
      l.put("source", r.source());
      l.put("note", r.note());
      links.add(l);
    }
    out.put("links", links);
    return out;
  }
}
