package dev.patchbay.model.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a text diagram as a terminal shows them: one cell per character, two for an East
 * Asian wide one, box-drawing characters read as their ASCII twins ('─' as '-', '│' as '|', every
 * corner and tee as '+').
 */
final class TextCells {
  /** Cell where the wide character on its left spills over. */
  private static final int TAKEN = -1;

  private final List<int[]> rows = new ArrayList<>();

  TextCells(List<String> lines) {
    for (String l : lines) {
      rows.add(toCells(l));
    }
  }

  int height() {
    return rows.size();
  }

  int length(int y) {
    return rows.get(y).length;
  }

  int at(int x, int y) {
    if (y < 0 || y >= rows.size() || x < 0 || x >= rows.get(y).length) {
      return ' ';
    }
    return rows.get(y)[x];
  }

  /** The text of cells x0..x1-1 of row y, a wide character once. */
  String rowText(int y, int x0, int x1) {
    StringBuilder s = new StringBuilder();
    for (int x = Math.max(0, x0); x < x1; x++) {
      int c = at(x, y);
      if (c != TAKEN) {
        s.appendCodePoint(c);
      }
    }
    return s.toString();
  }

  /** Columns of the widest row. */
  int width() {
    return rows.stream().mapToInt(r -> r.length).max().orElse(0);
  }

  /** Code points by cell, box-drawing characters as ASCII. */
  private static int[] toCells(String line) {
    List<Integer> out = new ArrayList<>();
    line.codePoints().forEach(cp -> {
      out.add(ascii(cp));
      if (wide(cp)) {
        out.add(TAKEN);
      }
    });
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Whether a terminal gives the character two columns: the scripts and blocks East Asian Width
   * calls Wide or Fullwidth. Worked out here from Java's script data, not borrowed from the
   * renderer, so that a renderer counting wrong is caught.
   */
  static boolean wide(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
    boolean letters = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
        && block != Character.UnicodeBlock.HANGUL_JAMO_EXTENDED_B && block != Character.UnicodeBlock.HANGUL_JAMO;
    boolean forms = block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && cp <= 0xFF60
        || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION || cp == 0x30FC;
    return letters && cp >= 0x1100 && !(cp >= 0xFFA0 && cp <= 0xFFDC) || forms;
  }

  private static int ascii(int cp) {
    return switch (cp) {
      case '\u2500' -> '-';
      case '\u2502' -> '|';
      case '\u250c', '\u2510', '\u2514', '\u2518', '\u251c', '\u2524', '\u252c', '\u2534', '\u253c' -> '+';
      default -> cp;
    };
  }
}
