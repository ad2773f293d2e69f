package dev.patchbay.app.export;

import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.topology.Note;
import java.util.ArrayList;
import java.util.List;

/**
 * The design's notes in the SVG export, drawn as the canvas draws them: a box of wrapped text at
 * the note's place (its top left corner), as wide as the canvas's, the import's note in the warning
 * colours with its first line as a bold title.
 */
final class SvgNotes {
  static final double WIDTH = 240;
  static final double WIDE = Importers.NOTE_WIDTH;
  static final int PADDING = 10;
  static final int LINE_HEIGHT = 15;
  /** About 6.6 pixels per character at 12px, in the box's width less its padding. */
  static final int COLUMNS = 33;
  static final int WIDE_COLUMNS = 60;
  /** A colleague's note may be any length: the picture shows its start, as the canvas does. */
  static final int MAX_LINES = 40;

  private SvgNotes() {}

  /** Left, top, right, bottom of the note's box. */
  static double[] extent(Note n) {
    return new double[] {n.x(), n.y(), n.x() + width(n), n.y() + height(n)};
  }

  private static double height(Note n) {
    return 2 * PADDING + lines(n).size() * LINE_HEIGHT;
  }

  private static double width(Note n) {
    return warns(n) ? WIDE : WIDTH;
  }

  private static boolean warns(Note n) {
    return Importers.NOTE_ID.equals(n.id());
  }

  static void draw(Note n, StringBuilder out) {
    boolean warn = warns(n);
    out.append("    <g class=\"note").append(warn ? " not-imported" : "").append("\">\n")
        .append("      <rect x=\"").append(num(n.x())).append("\" y=\"").append(num(n.y()))
        .append("\" width=\"").append(num(width(n))).append("\" height=\"").append(num(height(n)))
        .append("\" rx=\"3\" fill=\"").append(warn ? "#fff0c2" : "#fff8c4").append("\" stroke=\"")
        .append(warn ? "#e09b00" : "#e3cf6f").append("\" stroke-width=\"").append(warn ? "1.5" : "1").append("\"/>\n");
    List<String> lines = lines(n);
    for (int i = 0; i < lines.size(); i++) {
      boolean title = warn && i < titleLines(n);
      out.append("      <text x=\"").append(num(n.x() + PADDING)).append("\" y=\"")
          .append(num(n.y() + PADDING + (i + 1) * LINE_HEIGHT - 3)).append("\" font-size=\"12\"")
          .append(title ? " font-weight=\"bold\" fill=\"#7a5200\"" : " fill=\"#23272e\"").append(">")
          .append(SvgExport.xml(lines.get(i))).append("</text>\n");
    }
    out.append("    </g>\n");
  }

  /** How many wrapped lines the first line of the text (the title of the import's note) takes. */
  private static int titleLines(Note n) {
    String first = clean(n.text()).split("\n", -1)[0];
    return wrap(first, columns(n)).size();
  }

  static List<String> lines(Note n) {
    List<String> out = new ArrayList<>();
    for (String paragraph : clean(n.text()).split("\n", -1)) {
      out.addAll(wrap(paragraph, columns(n)));
    }
    if (out.size() > MAX_LINES) {
      List<String> shown = new ArrayList<>(out.subList(0, MAX_LINES));
      shown.set(MAX_LINES - 1, shown.get(MAX_LINES - 1) + " …");
      return shown;
    }
    return out;
  }

  private static int columns(Note n) {
    return warns(n) ? WIDE_COLUMNS : COLUMNS;
  }

  /** Words onto lines of at most {@code columns} characters; a longer word is cut. */
  static List<String> wrap(String paragraph, int columns) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.split(" ")) {
      while (word.length() > columns) {
        if (!line.isEmpty()) {
          out.add(line.toString());
          line.setLength(0);
        }
        out.add(word.substring(0, columns));
        word = word.substring(columns);
      }
      if (!line.isEmpty() && line.length() + 1 + word.length() > columns) {
        out.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    out.add(line.toString());
    return out;
  }

  /** Control characters have no place in XML 1.0 (a file from elsewhere may hold them): spaces instead. */
  static String clean(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.replace("\r\n", "\n").codePoints()
        .forEach(c -> b.appendCodePoint(c == '\n' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF ? c : ' '));
    return b.toString();
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
