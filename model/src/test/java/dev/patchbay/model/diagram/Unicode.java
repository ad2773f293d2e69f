package dev.patchbay.model.diagram;

/** Maps box-drawing characters back to the ASCII the same cell has in the ASCII charset. */
final class Unicode {
  private Unicode() {}

  static String toAscii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(switch (c) {
        case '\u2500' -> '-';
        case '\u2502' -> '|';
        case '\u250c', '\u2510', '\u2514', '\u2518', '\u251c', '\u2524', '\u252c', '\u2534', '\u253c' -> '+';
        default -> c;
      });
    }
    return out.toString();
  }
}
