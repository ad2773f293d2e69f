package dev.patchbay.model.diagram;

import dev.patchbay.model.diagram.ParsedDiagram.Rect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The boxes of a text diagram: rectangles of '+' corners and '-' and '|' edges with a title on
 * their first inner row, and for each cell the box whose border it is on and the innermost box it
 * lies inside.
 */
final class DiagramBoxes {
  private final TextCells cells;
  private final List<Rect> boxes = new ArrayList<>();
  private final Set<Rect> leaves = new HashSet<>();
  private Rect[][] borderOf;
  private Rect[][] insideOf;

  DiagramBoxes(TextCells cells) {
    this.cells = cells;
    findBoxes();
    indexBoxes();
  }

  List<Rect> boxes() {
    return boxes;
  }

  private void findBoxes() {
    for (int y = 0; y < cells.height(); y++) {
      for (int x = 0; x < cells.length(y); x++) {
        if (cells.at(x, y) == '+') {
          Rect r = rectAt(x, y, true);
          if (r != null) {
            boxes.add(r);
          }
        }
      }
    }
  }

  /** The rectangle whose top-left corner is at x, y; with {@code titled}, only one with a title. */
  Rect rectAt(int x, int y, boolean titled) {
    int r = x + 1;
    while (cells.at(r, y) == '-' || cells.at(r, y) == '+') {
      r++;
    }
    int b = y + 1;
    while (cells.at(x, b) == '|' || cells.at(x, b) == '+') {
      b++;
    }
    for (r--; r >= x + 2; r--) {
      for (int bb = b - 1; bb >= y + 2; bb--) {
        if (closes(x, y, r, bb)) {
          String title = cells.rowText(y + 1, x + 1, r);
          if (titled && (!title.startsWith(" ") || title.isBlank())) {
            return null;
          }
          return new Rect(x, y, r - x + 1, bb - y + 1, title.trim());
        }
      }
    }
    return null;
  }

  private boolean closes(int x, int y, int r, int b) {
    if (cells.at(r, y) != '+' || cells.at(x, b) != '+' || cells.at(r, b) != '+') {
      return false;
    }
    for (int i = x; i <= r; i++) {
      if (cells.at(i, b) != '-' && cells.at(i, b) != '+') {
        return false;
      }
    }
    for (int j = y; j <= b; j++) {
      if (cells.at(r, j) != '|' && cells.at(r, j) != '+') {
        return false;
      }
    }
    return true;
  }

  /** Which box's border and innermost inside each cell is on: outer boxes first, inner overwrite. */
  private void indexBoxes() {
    int h = cells.height();
    int w = cells.width();
    borderOf = new Rect[h][w];
    insideOf = new Rect[h][w];
    List<Rect> byArea = new ArrayList<>(boxes);
    byArea.sort((a, b) -> Long.compare((long) b.w() * b.h(), (long) a.w() * a.h()));
    for (Rect r : byArea) {
      for (int y = r.y(); y <= r.bottom(); y++) {
        for (int x = r.x(); x <= r.right(); x++) {
          if (r.onBorder(x, y)) {
            borderOf[y][x] = r;
          } else {
            insideOf[y][x] = r;
            borderOf[y][x] = null;
          }
        }
      }
    }
    for (Rect r : boxes) {
      if (boxes.stream().noneMatch(r::contains)) {
        leaves.add(r);
      }
    }
  }

  boolean isLeaf(Rect r) {
    return leaves.contains(r);
  }

  Rect borderOwner(int x, int y) {
    return y < 0 || x < 0 || y >= borderOf.length || x >= borderOf[y].length ? null : borderOf[y][x];
  }

  /** The innermost box whose inside holds the cell, or null. */
  Rect innermost(int x, int y) {
    return y < 0 || x < 0 || y >= insideOf.length || x >= insideOf[y].length ? null : insideOf[y][x];
  }
}
