package dev.patchbay.model.importer.gns3;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts a GNS3 project shows on its scene: 2.x "drawings" whose SVG holds a {@code <text>},
 * 1.x "notes". Rectangles, ellipses and pictures are decoration and are not kept. The SVG is only
 * searched for its text, never parsed as XML, so no entity or external reference in it is followed.
 */
final class Gns3Texts {
  private static final Pattern TEXT = Pattern.compile("<text\\b[^>]*>(.*?)</text>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern NUMERIC = Pattern.compile("&#(x[0-9A-Fa-f]{1,6}|[0-9]{1,7});");
  private static final int MAX_NOTE = 10_000;

  private Gns3Texts() {}

  static List<Gns3Project.Text> drawings(JsonNode drawings) {
    List<Gns3Project.Text> out = new ArrayList<>();
    if (!drawings.isArray()) {
      return out;
    }
    for (JsonNode d : drawings) {
      Matcher m = TEXT.matcher(d.path("svg").asText(""));
      StringBuilder text = new StringBuilder();
      while (m.find()) {
        text.append(text.length() == 0 ? "" : "\n").append(unescape(TAG.matcher(m.group(1)).replaceAll("")));
      }
      add(out, text.toString(), d);
    }
    return out;
  }

  static List<Gns3Project.Text> notes(JsonNode notes) {
    List<Gns3Project.Text> out = new ArrayList<>();
    for (JsonNode n : notes) {
      add(out, n.path("text").asText(""), n);
    }
    return out;
  }

  private static void add(List<Gns3Project.Text> out, String text, JsonNode at) {
    String t = text.strip();
    if (!t.isEmpty() && at.path("x").isNumber() && at.path("y").isNumber()) {
      out.add(new Gns3Project.Text(t.length() > MAX_NOTE ? t.substring(0, MAX_NOTE) : t,
          at.path("x").asDouble(), at.path("y").asDouble()));
    }
  }

  /** XML's five named entities and numeric references; anything else stays as written. */
  static String unescape(String s) {
    Matcher m = NUMERIC.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String n = m.group(1);
      int cp = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
      m.appendReplacement(sb, Matcher.quoteReplacement(Character.isValidCodePoint(cp)
          ? new String(Character.toChars(cp)) : "\uFFFD"));
    }
    m.appendTail(sb);
    return sb.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&apos;", "'").replace("&amp;", "&");
  }
}
