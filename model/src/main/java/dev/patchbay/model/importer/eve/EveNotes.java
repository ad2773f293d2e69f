package dev.patchbay.model.importer.eve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.xml.XmlNodes;
import dev.patchbay.model.importer.ForeignNames;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EVE-NG's text objects as notes. EVE-NG stores each as base64 of the HTML its canvas shows (a div
 * whose style holds left and top in pixels); the note keeps the words and the place, not the styling.
 */
final class EveNotes {
  /** A note is for a few lines; a longer text object is cut here. */
  static final int MAX_TEXT = 4000;
  private static final Pattern LEFT = Pattern.compile("(?i)left:\\s*(-?\\d{1,6}(?:\\.\\d+)?)px");
  private static final Pattern TOP = Pattern.compile("(?i)top:\\s*(-?\\d{1,6}(?:\\.\\d+)?)px");
  private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|h\\d)>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern NUMERIC = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");

  private EveNotes() {}

  static void read(JsonNode lab, Topology topology, ForeignNames names, EveValues values, List<String> warnings) {
    List<JsonNode> objects = XmlNodes.elements(lab.path("objects").path("textobjects"), "textobject");
    for (int k = 0; k < objects.size(); k++) {
      JsonNode o = objects.get(k);
      String id = values.text(o, "id", "<textobject>");
      String data = o.path("data").isValueNode() ? o.path("data").asText() : "";
      String html = decoded(data);
      String text = text(html);
      if (text.isBlank()) {
        continue;
      }
      double x = coordinate(LEFT, html, 40);
      double y = coordinate(TOP, html, 40 + 60.0 * k);
      topology.putNote(new Note(names.id("text" + (id == null ? k : id), "note"), text, x, y));
    }
    int drawings = XmlNodes.elements(lab.path("objects").path("lineobjects"), "lineobject").size()
        + XmlNodes.elements(lab.path("objects").path("pictures"), "picture").size();
    if (drawings > 0) {
      warnings.add(drawings + " line object(s) and picture(s) of the lab's canvas were not imported (drawings only)");
    }
  }

  /** The HTML inside, or the data itself when it is not base64 (older labs kept plain text). */
  static String decoded(String data) {
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(data.strip());
      String s = new String(bytes, StandardCharsets.UTF_8);
      return s.indexOf('\uFFFD') >= 0 ? data : s;
    } catch (IllegalArgumentException e) {
      return data;
    }
  }

  static String text(String html) {
    String t = BREAK.matcher(html).replaceAll("\n");
    t = TAG.matcher(t).replaceAll("");
    t = unescape(t).replace('\u00a0', ' ');
    t = t.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
    if (t.length() > MAX_TEXT) {
      t = t.substring(0, MAX_TEXT) + "...";
    }
    return Printable.lines(t);
  }

  private static String unescape(String s) {
    Matcher m = NUMERIC.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
      String ch = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "?";
      m.appendReplacement(sb, Matcher.quoteReplacement(ch));
    }
    m.appendTail(sb);
    return sb.toString().replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  private static double coordinate(Pattern p, String html, double fallback) {
    Matcher m = p.matcher(html.toLowerCase(Locale.ROOT));
    return m.find() ? Double.parseDouble(m.group(1)) : fallback;
  }
}
