package dev.patchbay.model.diagram;

/** How lines and borders are drawn: pure 7-bit ASCII, or Unicode box-drawing characters. */
public enum Charset {
  ASCII,
  UNICODE;

  private static final String UNICODE_GLYPHS = " \u2502\u2500\u2514\u2502\u2502\u250c\u251c\u2500\u2518\u2500\u2534\u2510\u2524\u252c\u253c";

  /** The character for a cell joined in the directions of {@code mask} (N=1, E=2, S=4, W=8). */
  public char glyph(int mask) {
    if (this == UNICODE) {
      return UNICODE_GLYPHS.charAt(mask & 15);
    }
    int shape = CellGrid.shapeOf(mask);
    return shape == 0 ? ' ' : shape == (CellGrid.E | CellGrid.W) ? '-' : shape == (CellGrid.N | CellGrid.S) ? '|' : '+';
  }
}
