package dev.patchbay.model.diagram;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text as a text diagram shows it: one cell per character, two for East Asian wide ones, nothing
 * that moves the cursor. A name from a file may hold anything (a tab, a newline, a combining
 * accent, CJK): written raw it would break its box's border or its column count, so every label
 * passes through {@link #shown} first.
 */
public final class DiagramText {
  /** Letters NFD does not take apart, spelled the way an ASCII keyboard would. */
  private static final Map<Integer, String> SPELLED = Map.ofEntries(
      Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'Æ', "AE"),
      Map.entry((int) 'ø', "o"), Map.entry((int) 'Ø', "O"), Map.entry((int) 'œ', "oe"),
      Map.entry((int) 'Œ', "OE"), Map.entry((int) 'ł', "l"), Map.entry((int) 'Ł', "L"),
      Map.entry((int) 'đ', "d"), Map.entry((int) 'Đ', "D"), Map.entry((int) 'þ', "th"),
      Map.entry((int) 'Þ', "Th"), Map.entry((int) 'ð', "d"), Map.entry((int) 'Ð', "D"),
      Map.entry((int) 'ı', "i"), Map.entry(0x2013, "-"), Map.entry(0x2014, "-"),
      Map.entry(0x2018, "'"), Map.entry(0x2019, "'"), Map.entry(0x201C, "\""), Map.entry(0x201D, "\""));

  private DiagramText() {}

  /**
   * The text as the charset shows it. ASCII: accents dropped (NFD, marks removed), a few letters
   * spelled out, anything else escaped as {@code \}{@code u{hex}}. Unicode: composed (NFC), with
   * control, format and leftover combining characters escaped. Tab, newline and return become
   * {@code \t}, {@code \n}, {@code \r}. With {@code strict}, every character outside printable
   * ASCII is escaped and a backslash doubled, which keeps any two different texts different.
   */
  public static String shown(String s, Charset charset, boolean strict) {
    String text = charset == Charset.UNICODE && !strict ? Normalizer.normalize(s, Normalizer.Form.NFC) : s;
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (strict) {
        strict(cp, out);
      } else if (charset == Charset.UNICODE) {
        unicode(cp, out);
      } else {
        ascii(cp, out);
      }
    });
    return out.toString();
  }

  private static void strict(int cp, StringBuilder out) {
    if (cp == '\\') {
      out.append("\\\\");
    } else if (cp >= 0x20 && cp < 0x7F) {
      out.appendCodePoint(cp);
    } else {
      escape(cp, out);
    }
  }

  private static void unicode(int cp, StringBuilder out) {
    int type = Character.getType(cp);
    boolean invisible = type == Character.CONTROL || type == Character.FORMAT || type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE
        || type == Character.PRIVATE_USE;
    if (invisible) {
      escape(cp, out);
    } else {
      out.appendCodePoint(cp);
    }
  }

  private static void ascii(int cp, StringBuilder out) {
    if (cp >= 0x20 && cp < 0x7F) {
      out.appendCodePoint(cp);
      return;
    }
    if (SPELLED.containsKey(cp)) {
      out.append(SPELLED.get(cp));
      return;
    }
    String base = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
    String kept = base.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    if (!kept.isEmpty() && kept.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
      out.append(kept);
    } else if (kept.isEmpty() && cp > 0x7F) {
      // A combining mark on its own: its letter has been written already, without it.
      return;
    } else {
      escape(cp, out);
    }
  }

  private static void escape(int cp, StringBuilder out) {
    switch (cp) {
      case '\t' -> out.append("\\t");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      default -> out.append("\\u{").append(Integer.toHexString(cp)).append('}');
    }
  }

  /** Columns a shown text takes: two for each East Asian wide or fullwidth character. */
  public static int width(String s) {
    return s.codePoints().map(DiagramText::cells).sum();
  }

  /** Cells one code point takes on a terminal: 2 when East Asian wide or fullwidth, else 1. */
  public static int cells(int cp) {
    return wide(cp) ? 2 : 1;
  }

  /** The Wide and Fullwidth ranges of Unicode's EastAsianWidth.txt that matter for names. */
  static boolean wide(int cp) {
    return cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0x303E || cp >= 0x3041 && cp <= 0x33FF
        || cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0xA000 && cp <= 0xA4CF
        || cp >= 0xA960 && cp <= 0xA97F || cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0xF900 && cp <= 0xFAFF
        || cp >= 0xFE10 && cp <= 0xFE19 || cp >= 0xFE30 && cp <= 0xFE6F || cp >= 0xFF00 && cp <= 0xFF60
        || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x1F300 && cp <= 0x1F64F || cp >= 0x1F900 && cp <= 0x1F9FF
        || cp >= 0x20000 && cp <= 0x2FFFD || cp >= 0x30000 && cp <= 0x3FFFD;
  }

  /** The longest start of a shown text that takes at most {@code columns} cells. */
  public static String head(String s, int columns) {
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int cp : s.codePoints().toArray()) {
      if (used + cells(cp) > columns) {
        break;
      }
      out.appendCodePoint(cp);
      used += cells(cp);
    }
    return out.toString();
  }

  /**
   * A text cut into lines of at most {@code columns} cells; each line after the first starts with
   * one space, so a reader sees it continues. With {@code atSpaces} lines end at spaces where they
   * can (for prose); without, exactly at the width, so that the lines minus those leading spaces
   * give the text back (for names).
   */
  public static List<String> wrap(String s, int columns, boolean atSpaces) {
    List<String> out = new ArrayList<>();
    String rest = s;
    String indent = "";
    while (indent.length() + width(rest) > columns) {
      String head = head(rest, Math.max(1, columns - indent.length()));
      int space = head.lastIndexOf(' ');
      if (atSpaces && space > 0 && rest.charAt(head.length()) != ' ') {
        head = head.substring(0, space);
      }
      out.add(indent + head);
      rest = rest.substring(head.length());
      if (atSpaces && rest.startsWith(" ")) {
        rest = rest.substring(1);
      }
      indent = " ";
    }
    if (out.isEmpty() || !rest.isEmpty()) {
      out.add(indent + rest);
    }
    return out;
  }
}
