package dev.patchbay.model.diagram;

/** How lines and borders are drawn: pure 7-bit ASCII, or Unicode box-drawing characters. */
public enum Charset {
  ASCII,
  UNICODE;

  private static final String UNICODE_GLYPHS = " \u2502\u2500\u2514\u2502\u2502\u250c\u251c\u2500\u2518\u2500\u2534\u2510\u2524\u252c\u253c";

  /**
   * Where two lines cross without joining: the vertical line runs through ('-|-'), while '+'
   * (or a Unicode corner or tee) always means a bend or a line meeting a box.
   */
  public char crossing() {
    return this == UNICODE ? '\u2502' : '|';
  }

  /** What the diagram's legend says about {@link #crossing}, when the diagram has one. */
  public String crossingLegend() {
    char h = this == UNICODE ? '\u2500' : '-';
    return "(legend: " + h + crossing() + h + " lines that cross without joining; "
        + (this == UNICODE ? "corners and tees" : "+") + " a bend or a line meeting a box)";
  }

  /** The character for a cell joined in the directions of {@code mask} (N=1, E=2, S=4, W=8). */
  public char glyph(int mask) {
    if (this == UNICODE) {
      return UNICODE_GLYPHS.charAt(mask & 15);
    }
    int shape = CellGrid.shapeOf(mask);
    return shape == 0 ? ' ' : shape == (CellGrid.E | CellGrid.W) ? '-' : shape == (CellGrid.N | CellGrid.S) ? '|' : '+';
  }
}
