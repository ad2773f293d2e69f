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
  private final char[][] rows;

  TextCanvas(CellGrid grid, Charset charset) {
    this.g = grid;
    this.charset = charset;
    rows = new char[grid.height][grid.width];
  }

  String paint() {
    for (int y = 0; y < g.height; y++) {
      for (int x = 0; x < g.width; x++) {
        int c = g.cell(x, y);
        rows[y][x] = charset.glyph(borderMask(x, y) | g.lines[c]);
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

  private void write(List<String> texts, int x, int y) {
    for (int i = 0; i < texts.size(); i++) {
      String s = charset == Charset.ASCII ? sevenBit(texts.get(i)) : texts.get(i);
      for (int j = 0; j < s.length(); j++) {
        rows[y + i][x + j] = s.charAt(j);
      }
    }
  }

  /**
   * The ASCII charset promises 7-bit text, so a name like "Gäste" is written "Gaste" and a
   * character with no plain-letter form as '?'. One character stays one cell either way.
   */
  static String sevenBit(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128) {
        out.append(c);
        continue;
      }
      String base = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
      out.append(base.charAt(0) < 128 ? base.charAt(0) : '?');
    }
    return out.toString();
  }

  /** Without trailing blanks, blank rows at either end, or blank columns common to every row. */
  private String trim() {
    List<String> lines = new ArrayList<>();
    for (char[] r : rows) {
      lines.add(new String(r).stripTrailing());
    }
    while (!lines.isEmpty() && lines.get(0).isEmpty()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    int indent = lines.stream().filter(l -> !l.isEmpty())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append(l.isEmpty() ? l : l.substring(indent)).append('\n');
    }
    return out.toString();
  }
}
