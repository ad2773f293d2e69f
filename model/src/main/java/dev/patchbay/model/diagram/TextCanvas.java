package dev.patchbay.model.diagram;

import static dev.patchbay.model.diagram.CellGrid.E;
import static dev.patchbay.model.diagram.CellGrid.N;
import static dev.patchbay.model.diagram.CellGrid.S;
import static dev.patchbay.model.diagram.CellGrid.W;

import java.util.ArrayList;
import java.util.List;

/** Paints a routed {@link CellGrid}: borders and lines as glyphs of a charset, then the labels. */
final class TextCanvas {
  private final CellGrid g;
  private final Charset charset;
  /** Code points by cell; {@link #TAKEN} where the wide character on the left spills over. */
  private final int[][] rows;
  private static final int TAKEN = -1;

  TextCanvas(CellGrid grid, Charset charset) {
    this.g = grid;
    this.charset = charset;
    rows = new int[grid.height][grid.width];
  }

  String paint() {
    for (int y = 0; y < g.height; y++) {
      for (int x = 0; x < g.width; x++) {
        int c = g.cell(x, y);
        boolean free = g.kind[c] == CellGrid.FREE || g.kind[c] == CellGrid.INTERIOR;
        rows[y][x] = free && CellGrid.crossing(g.lines[c]) ? charset.crossing() : charset.glyph(borderMask(x, y) | g.lines[c]);
      }
    }
    for (Box b : g.boxes) {
      write(b.lines(), b.x + 2, b.y + 1);
      write(b.footer(), b.x + 2, b.bottom() - b.footer().size());
    }
    return trim();
  }

  private int borderMask(int x, int y) {
    int c = g.cell(x, y);
    return switch (g.kind[c]) {
      case CellGrid.BORDER_H -> E | W;
      case CellGrid.BORDER_V -> N | S;
      case CellGrid.CORNER -> corner(g.boxes.get(g.owner[c]), x, y);
      default -> 0;
    };
  }

  private static int corner(Box b, int x, int y) {
    int h = x == b.x ? E : W;
    int v = y == b.y ? S : N;
    return h | v;
  }

  /** Labels are shown text already ({@link DiagramText#shown}): one or two cells per code point. */
  private void write(List<String> texts, int x, int y) {
    for (int i = 0; i < texts.size(); i++) {
      int at = x;
      for (int cp : texts.get(i).codePoints().toArray()) {
        rows[y + i][at] = cp;
        if (DiagramText.cells(cp) == 2) {
          rows[y + i][at + 1] = TAKEN;
        }
        at += DiagramText.cells(cp);
      }
    }
  }

  /** Without trailing blanks, blank rows at either end, or blank columns common to every row. */
  private String trim() {
    List<String> lines = new ArrayList<>();
    for (int[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int cp : r) {
        if (cp != TAKEN) {
          line.appendCodePoint(cp);
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    while (!lines.isEmpty() && lines.get(0).isEmpty()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    int indent = lines.stream().filter(l -> !l.isEmpty())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    // Leading blanks are one cell each, so cutting the same count of chars keeps columns aligned.
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append(l.isEmpty() ? l : l.substring(indent)).append('\n');
    }
    return out.toString();
  }
}
