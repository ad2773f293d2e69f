package dev.patchbay.model.diagram;

import static dev.patchbay.model.diagram.CellGrid.E;
import static dev.patchbay.model.diagram.CellGrid.N;
import static dev.patchbay.model.diagram.CellGrid.S;
import static dev.patchbay.model.diagram.CellGrid.W;

import java.util.ArrayList;
import java.util.List;

/**
 * Paints a {@link CompactLayout}: wires first (glyphs of the charset from the directions each cell
 * joins), then boxes, the host with its notches, bars, and the sockets' labels on their wires.
 * Also records what stands where, for checks that follow the wires back to the file.
 */
final class CompactPainter {
  /** What stands at a rectangle of cells: an element (at a port), or the host's border (element null). */
  record Region(String element, String port, int x, int y, int w, int h) {
    boolean contains(int cx, int cy) {
      return cx >= x && cx < x + w && cy >= y && cy < y + h;
    }
  }

  /** Thrown when a wire would run over another or a label has no free row: the full style draws it. */
  static final class NoRoom extends RuntimeException {
    NoRoom(String why) {
      super(why, null, false, false);
    }
  }

  private final CompactGraph g;
  private final Charset charset;
  /** Code points by cell; {@link #TAKEN} where the wide character on the left spills over. */
  private final int[][] cells;
  private static final int TAKEN = -1;
  private final int[][] mask;
  private final boolean[][] solid;
  final List<Region> regions = new ArrayList<>();

  CompactPainter(CompactGraph g, CompactLayout layout, Charset charset) {
    this.g = g;
    this.charset = charset;
    cells = new int[layout.height][layout.width];
    mask = new int[layout.height][layout.width];
    solid = new boolean[layout.height][layout.width];
    for (int[] row : cells) {
      java.util.Arrays.fill(row, ' ');
    }
  }

  String paint() {
    int[][] owner = new int[cells.length][cells.length == 0 ? 0 : cells[0].length];
    int id = 0;
    for (CompactEdge e : g.edges) {
      wire(e, owner, ++id);
    }
    for (int y = 0; y < cells.length; y++) {
      for (int x = 0; x < cells[y].length; x++) {
        if (mask[y][x] != 0) {
          cells[y][x] = charset.glyph(mask[y][x]);
        }
      }
    }
    for (CompactNode n : g.nodes) {
      switch (n.shape) {
        case BOX -> box(n);
        case HOST -> host(n);
        case BAR -> bar(n);
      }
    }
    for (CompactEdge e : g.edges) {
      if (e.label != null) {
        label(e);
      }
    }
    StringBuilder out = new StringBuilder();
    for (int[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int cp : row) {
        if (cp != TAKEN) {
          line.appendCodePoint(cp);
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  // ---- wires ---------------------------------------------------------------------------------

  private void wire(CompactEdge e, int[][] owner, int id) {
    CompactNode l = e.left();
    CompactNode r = e.right();
    int lx = l.edgeColumn(1) + 1;
    int rx = r.edgeColumn(0) - 1;
    int ly = e.row(l);
    int ry = e.row(r);
    List<int[]> path = new ArrayList<>();
    int bend = ly == ry ? rx : e.jog;
    for (int x = lx; x <= bend; x++) {
      path.add(new int[] {x, ly});
    }
    for (int y = ly + Integer.signum(ry - ly); ly != ry && y != ry; y += Integer.signum(ry - ly)) {
      path.add(new int[] {bend, y});
    }
    for (int x = bend; ly != ry && x <= rx; x++) {
      path.add(new int[] {x, ry});
    }
    int[] first = path.get(0);
    int[] last = path.get(path.size() - 1);
    join(first, W, owner, id);
    join(last, E, owner, id);
    for (int i = 1; i < path.size(); i++) {
      int[] a = path.get(i - 1);
      int[] b = path.get(i);
      int dir = b[0] > a[0] ? E : b[0] < a[0] ? W : b[1] > a[1] ? S : N;
      join(a, dir, owner, id);
      join(b, opposite(dir), owner, id);
    }
  }

  private void join(int[] cell, int dir, int[][] owner, int id) {
    int x = cell[0];
    int y = cell[1];
    if (owner[y][x] != 0 && owner[y][x] != id) {
      throw new NoRoom("two wires meet at " + x + "," + y);
    }
    owner[y][x] = id;
    mask[y][x] |= dir;
  }

  private static int opposite(int dir) {
    return dir == E ? W : dir == W ? E : dir == N ? S : N;
  }

  private boolean wireAt(int x, int y) {
    return y >= 0 && y < mask.length && x >= 0 && x < mask[y].length && mask[y][x] != 0;
  }

  // ---- nodes ---------------------------------------------------------------------------------

  private void box(CompactNode n) {
    int w = n.width();
    if (n.oneRow()) {
      text("[" + n.title + "]", n.x, n.y);
      occupy(n.x, n.y, w, 1);
      regions.add(new Region(n.id, null, n.x, n.y, w, 1));
      return;
    }
    frame(n.x, n.y, w, n.height(), n.title);
    for (int i = 0; i < n.lines.size(); i++) {
      text(n.lines.get(i), n.x + 2, n.y + 1 + i);
    }
    n.portRows.forEach((port, row) -> {
      regions.add(new Region(n.id, port, n.x, n.y + row, 1, 1));
      regions.add(new Region(n.id, port, n.x + w - 1, n.y + row, 1, 1));
    });
    regions.add(new Region(n.id, null, n.x, n.y, w, n.height()));
  }

  private void host(CompactNode n) {
    int w = n.width();
    frame(n.x, n.y, w, n.height(), n.title);
    for (int i = 0; i < n.hostLines.size(); i++) {
      CompactNode.HostLine l = n.hostLines.get(i);
      int row = n.y + 1 + i;
      int at = l.right() ? n.x + w - 1 : n.x;
      if (l.notch() != null) {
        cells[row][at] = notch(l.right());
        regions.add(new Region(l.notch(), null, at, row, 1, 1));
      }
      text(l.text(), !l.iface() ? n.x + 2 : l.right() ? at - DiagramText.width(l.text()) : at + 1, row);
    }
    regions.add(new Region(null, null, n.x, n.y, w, n.height()));
  }

  private char notch(boolean right) {
    if (charset == Charset.ASCII) {
      return right ? ']' : '[';
    }
    return right ? '\u2520' : '\u2528';
  }

  /** A border with the title in its top edge; where a wire meets a side, a junction. */
  private void frame(int x, int y, int w, int h, String title) {
    for (int r = y; r < y + h; r++) {
      for (int c = x; c < x + w; c++) {
        boolean top = r == y;
        boolean bottom = r == y + h - 1;
        boolean left = c == x;
        boolean right = c == x + w - 1;
        int m = (top || bottom ? 0 : N | S) & (left || right ? N | S : 0);
        if (top || bottom) {
          m = (left ? E : right ? W : E | W) | (left || right ? (top ? S : N) : 0);
        } else if (left && wireAt(c - 1, r)) {
          m |= W;
        } else if (right && wireAt(c + 1, r)) {
          m |= E;
        }
        if (m != 0) {
          cells[r][c] = charset.glyph(m);
        }
      }
    }
    text(title, x + 2, y);
    occupy(x, y, w, h);
  }

  private void bar(CompactNode n) {
    for (int i = 0; i < n.lines.size(); i++) {
      text(n.lines.get(i), n.x, n.y + i);
      occupy(n.x, n.y + i, DiagramText.width(n.lines.get(i)), 1);
    }
    int c = n.barColumn();
    for (int r = n.barTop; r <= n.barBottom; r++) {
      boolean left = wireAt(c - 1, r);
      boolean right = wireAt(c + 1, r);
      cells[r][c] = charset == Charset.ASCII ? '#'
          : left && right ? '\u254b' : left ? '\u252b' : right ? '\u2523' : '\u2503';
    }
    occupy(c, n.barTop, 1, n.barBottom - n.barTop + 1);
    regions.add(new Region(n.id, null, c, n.barTop, 1, n.barBottom - n.barTop + 1));
  }

  // ---- labels --------------------------------------------------------------------------------

  /** A socket's label on its wire, and under (or over) each end the side that end is. */
  private void label(CompactEdge e) {
    int lx = e.left().edgeColumn(1) + 1;
    int rx = e.right().edgeColumn(0) - 1;
    int row = e.row(e.left());
    int labelWidth = DiagramText.width(e.label);
    int start = lx + (rx - lx + 1 - labelWidth) / 2;
    int end = start + labelWidth - 1;
    text(e.label, start, row);
    List<String> sides = e.left() == e.a ? e.sides : List.of(e.sides.get(1), e.sides.get(0));
    List<String> shown = sides.stream().map(side -> DiagramText.shown(side, charset, false)).toList();
    regions.add(new Region(e.socketId, sides.get(0), start, row, 1, 1));
    regions.add(new Region(e.socketId, sides.get(1), end, row, 1, 1));
    regions.add(new Region(e.socketId, null, start, row, labelWidth, 1));
    occupy(start, row, labelWidth, 1);
    int leftWidth = DiagramText.width(shown.get(0));
    int rightWidth = DiagramText.width(shown.get(1));
    for (int r : new int[] {row + 1, row - 1}) {
      int rightAt = end + 1 - rightWidth;
      if (free(start, r, leftWidth) && free(rightAt, r, rightWidth) && rightAt > start + leftWidth) {
        text(shown.get(0), start, r);
        text(shown.get(1), rightAt, r);
        occupy(start, r, leftWidth, 1);
        occupy(rightAt, r, rightWidth, 1);
        return;
      }
    }
    throw new NoRoom("no row for the sides of " + e.socketId);
  }

  private boolean free(int x, int y, int len) {
    if (y < 0 || y >= cells.length) {
      return false;
    }
    for (int c = x; c < x + len; c++) {
      if (c < 0 || c >= cells[y].length || cells[y][c] != ' ' || solid[y][c]) {
        return false;
      }
    }
    return true;
  }

  private void occupy(int x, int y, int w, int h) {
    for (int r = y; r < y + h; r++) {
      for (int c = x; c < x + w; c++) {
        solid[r][c] = true;
      }
    }
  }

  /**
   * Shown text ({@link DiagramText#shown}, through {@link DiagramNames}) into cells: one or two per
   * code point, so a wide character's column count matches the width the layout measured.
   */
  private void text(String s, int x, int y) {
    int at = x;
    for (int cp : s.codePoints().toArray()) {
      cells[y][at] = cp;
      if (DiagramText.cells(cp) == 2) {
        cells[y][at + 1] = TAKEN;
      }
      at += DiagramText.cells(cp);
    }
  }
}
