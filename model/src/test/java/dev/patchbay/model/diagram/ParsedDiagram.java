package dev.patchbay.model.diagram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an ASCII diagram back into boxes and traced lines using nothing but the characters, so
 * tests check what a reader sees rather than the renderer's own bookkeeping. A box is a rectangle
 * of '+' corners, '-' and '|' edges with a title on its first inner row; a line starts at a '+' on
 * a box's border and is followed through '-', '|', bends and crossings to the border it ends on.
 */
final class ParsedDiagram {
  /** A box: x, y of its top-left corner, its size, and the text of its first inner row. */
  record Rect(int x, int y, int w, int h, String title) {
    int right() {
      return x + w - 1;
    }

    int bottom() {
      return y + h - 1;
    }

    boolean onBorder(int cx, int cy) {
      boolean inX = cx >= x && cx <= right();
      boolean inY = cy >= y && cy <= bottom();
      return inX && inY && (cx == x || cx == right() || cy == y || cy == bottom());
    }

    boolean strictlyInside(int cx, int cy) {
      return cx > x && cx < right() && cy > y && cy < bottom();
    }

    boolean contains(Rect o) {
      return o != this && o.x > x && o.right() < right() && o.y > y && o.bottom() < bottom();
    }

    boolean disjoint(Rect o) {
      return o.x > right() || o.right() < x || o.y > bottom() || o.bottom() < y;
    }
  }

  /** A line from one box's border to another's: where it attaches, its bends and crossings. */
  record Trace(Rect from, int fromX, int fromY, Rect to, int toX, int toY, int bends, int crossings,
      List<int[]> cells) {}

  private static final int[] DX = {0, 1, 0, -1};
  private static final int[] DY = {-1, 0, 1, 0};

  final List<String> rows;
  final List<Rect> boxes = new ArrayList<>();
  final List<Trace> traces = new ArrayList<>();
  final List<String> problems = new ArrayList<>();

  private ParsedDiagram(String text) {
    rows = text.lines().toList();
  }

  static ParsedDiagram parse(String text) {
    ParsedDiagram d = new ParsedDiagram(text);
    d.findBoxes();
    d.traceLines();
    return d;
  }

  char at(int x, int y) {
    if (y < 0 || y >= rows.size() || x < 0 || x >= rows.get(y).length()) {
      return ' ';
    }
    return rows.get(y).charAt(x);
  }

  private void findBoxes() {
    for (int y = 0; y < rows.size(); y++) {
      for (int x = 0; x < rows.get(y).length(); x++) {
        if (at(x, y) == '+') {
          Rect r = boxAt(x, y);
          if (r != null) {
            boxes.add(r);
          }
        }
      }
    }
  }

  private Rect boxAt(int x, int y) {
    int r = x + 1;
    while ("-+".indexOf(at(r, y)) >= 0) {
      r++;
    }
    int b = y + 1;
    while ("|+".indexOf(at(x, b)) >= 0) {
      b++;
    }
    r--;
    b--;
    if (r < x + 2 || b < y + 2 || at(r, y) != '+' || at(x, b) != '+' || at(r, b) != '+') {
      return null;
    }
    for (int i = x; i <= r; i++) {
      if ("-+".indexOf(at(i, b)) < 0) {
        return null;
      }
    }
    for (int j = y; j <= b; j++) {
      if ("|+".indexOf(at(r, j)) < 0) {
        return null;
      }
    }
    String title = rows.get(y + 1).substring(Math.min(x + 1, rows.get(y + 1).length()),
        Math.min(r, rows.get(y + 1).length()));
    if (!title.startsWith(" ") || title.isBlank()) {
      return null;
    }
    return new Rect(x, y, r - x + 1, b - y + 1, title.trim());
  }

  boolean isLeaf(Rect r) {
    return boxes.stream().noneMatch(r::contains);
  }

  Rect borderOwner(int x, int y) {
    for (Rect r : boxes) {
      if (r.onBorder(x, y)) {
        return r;
      }
    }
    return null;
  }

  /** A line character outside every box border and every leaf box's interior. */
  boolean isLineCell(int x, int y) {
    if ("-|+".indexOf(at(x, y)) < 0 || borderOwner(x, y) != null) {
      return false;
    }
    return boxes.stream().noneMatch(r -> isLeaf(r) && r.strictlyInside(x, y));
  }

  private boolean joins(int x, int y, int dir) {
    char c = at(x, y);
    return c == '+' || ((dir & 1) == 1 ? c == '-' : c == '|');
  }

  private void traceLines() {
    for (Rect r : boxes) {
      for (int y = r.y + 1; y < r.bottom(); y++) {
        startAt(r, r.x, y, 3);
        startAt(r, r.right(), y, 1);
      }
      for (int x = r.x + 1; x < r.right(); x++) {
        startAt(r, x, r.y, 0);
        startAt(r, x, r.bottom(), 2);
      }
    }
  }

  private void startAt(Rect r, int x, int y, int dir) {
    if (at(x, y) != '+') {
      return;
    }
    int ox = x + DX[dir];
    int oy = y + DY[dir];
    int ix = x - DX[dir];
    int iy = y - DY[dir];
    boolean out = joins(ox, oy, dir) && (isLineCell(ox, oy) || borderOwner(ox, oy) != null);
    boolean in = joins(ix, iy, dir) && isLineCell(ix, iy);
    if (!out) {
      problems.add("'+' on the border of " + r.title() + " at " + x + "," + y + " leads nowhere");
    } else if (!in) {
      follow(r, x, y, dir);
    }
  }

  private void follow(Rect from, int sx, int sy, int dir) {
    List<int[]> cells = new ArrayList<>();
    int x = sx;
    int y = sy;
    int bends = 0;
    int crossings = 0;
    for (int steps = 0; steps < 100_000; steps++) {
      x += DX[dir];
      y += DY[dir];
      Rect owner = borderOwner(x, y);
      if (owner != null) {
        if (at(x, y) != '+' || !perpendicular(owner, x, y, dir)) {
          problems.add("line from " + from.title() + " runs along the border of " + owner.title() + " at " + x + "," + y);
          return;
        }
        if (isLeaf(owner) || !joins(x + DX[dir], y + DY[dir], dir)) {
          traces.add(new Trace(from, sx, sy, owner, x, y, bends, crossings, cells));
          return;
        }
        continue;
      }
      cells.add(new int[] {x, y});
      char c = at(x, y);
      if (c == '-' && (dir & 1) == 1 || c == '|' && (dir & 1) == 0) {
        continue;
      }
      if (c != '+') {
        problems.add("line from " + from.title() + " breaks off at " + x + "," + y);
        return;
      }
      boolean straight = joins(x + DX[dir], y + DY[dir], dir);
      int left = (dir + 3) & 3;
      int right = (dir + 1) & 3;
      boolean l = joins(x + DX[left], y + DY[left], left);
      boolean r = joins(x + DX[right], y + DY[right], right);
      if (straight && l && r) {
        crossings++;
      } else if (!straight && l != r) {
        bends++;
        dir = l ? left : right;
      } else {
        problems.add("line from " + from.title() + " meets an unclear junction at " + x + "," + y);
        return;
      }
    }
  }

  private static boolean perpendicular(Rect r, int x, int y, int dir) {
    boolean side = (x == r.x || x == r.right()) && y != r.y && y != r.bottom();
    boolean topBottom = (y == r.y || y == r.bottom()) && x != r.x && x != r.right();
    return side && (dir & 1) == 1 || topBottom && (dir & 1) == 0;
  }

  /** Each line once: the trace whose start comes first in reading order. */
  List<Trace> lines() {
    List<Trace> out = new ArrayList<>();
    for (Trace t : traces) {
      long a = (long) t.fromY() * 100_000 + t.fromX();
      long b = (long) t.toY() * 100_000 + t.toX();
      if (a < b) {
        out.add(t);
      }
    }
    return out;
  }

  /** Line characters that no traced line explains. */
  Set<String> strayLineCells() {
    Set<String> traced = new HashSet<>();
    for (Trace t : traces) {
      t.cells().forEach(c -> traced.add(c[0] + "," + c[1]));
    }
    Set<String> stray = new HashSet<>();
    for (int y = 0; y < rows.size(); y++) {
      for (int x = 0; x < rows.get(y).length(); x++) {
        if (isLineCell(x, y) && !traced.contains(x + "," + y)) {
          stray.add(x + "," + y);
        }
      }
    }
    return stray;
  }
}
