package dev.patchbay.model.diagram;

import static dev.patchbay.model.diagram.CellGrid.BIT;
import static dev.patchbay.model.diagram.CellGrid.DX;
import static dev.patchbay.model.diagram.CellGrid.DY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Routes one line at a time on a {@link CellGrid} with A*: a state is a cell and the direction the
 * line entered it in, so bends and crossings can cost extra (the way Graph::Easy routes). A line
 * leaves its box straight out of the border, never runs through a box or a label (except the host
 * or bridge it starts inside), shares no cell lengthwise with another line, crosses others only
 * straight, and never sits next to a character it could be mistaken to join.
 */
final class Router {
  static final int STEP = 2;
  static final int BEND = 10;
  static final int CROSS = 16;
  static final int NEAR = 1;
  static final int OFF_SIDE = 12;
  /** Heap entries: estimate in bits 40+, 0xFFFF minus cost so far in bits 24-39, state below. */
  private static final long STATE_MASK = (1L << 24) - 1;
  /** Searches per line when a found path turns out to run beside or over itself. */
  private static final int RETRIES = 6;

  private final CellGrid g;
  private final int[] cost;
  private final int[] prev;
  private final int[] seen;
  private final int[] goalSeen;
  private final int[] goalDir;
  private final int[] goalExtra;
  /** Cells a line may not use, by the number of the route() call that barred them. */
  private final int[] barred;
  private int routeNo;
  private final boolean[] allowed;
  private final Heap open = new Heap();
  private int search;
  private int goalMinX;
  private int goalMinY;
  private int goalMaxX;
  private int goalMaxY;

  Router(CellGrid grid) {
    this.g = grid;
    long states = (long) grid.width * grid.height * 4;
    if (states > STATE_MASK) {
      throw new IllegalArgumentException("a diagram of " + grid.width + " x " + grid.height
          + " characters is too large to route");
    }
    cost = new int[(int) states];
    prev = new int[(int) states];
    seen = new int[(int) states];
    goalSeen = new int[grid.width * grid.height];
    goalDir = new int[grid.width * grid.height];
    goalExtra = new int[grid.width * grid.height];
    barred = new int[grid.width * grid.height];
    allowed = new boolean[grid.boxes.size()];
  }

  /** One end of a line: a box, and the row (relative to its top) it must attach at, or null. */
  record End(Box box, Integer row) {}

  /**
   * The cells of the drawn line from a's border to b's border, or null if there is no way. The
   * search cannot see the line it is drawing, so a found path may come back beside itself (a bend
   * next to its own line) or over itself: then the cell where it does is barred and the search runs
   * again, a few times at most.
   */
  List<int[]> route(End a, End b) {
    routeNo++;
    for (int attempt = 0; attempt < RETRIES; attempt++) {
      List<int[]> path = search(a, b);
      if (path == null) {
        return null;
      }
      int flaw = flaw(path);
      if (flaw < 0) {
        commit(path);
        return path;
      }
      barred[flaw] = routeNo;
    }
    return null;
  }

  private List<int[]> search(End a, End b) {
    search++;
    Arrays.fill(allowed, false);
    allowAncestors(a.box());
    allowAncestors(b.box());
    open.clear();
    goalMinX = b.box().x;
    goalMinY = b.box().y;
    goalMaxX = b.box().right();
    goalMaxY = b.box().bottom();
    for (int[] s : attachments(b)) {
      goalSeen[s[0]] = search;
      goalDir[s[0]] = CellGrid.opposite(s[1]);
      goalExtra[s[0]] = s[2];
    }
    for (int[] s : attachments(a)) {
      push(s[0] * 4 + s[1], -1, s[2], s[0]);
    }
    int found = run();
    return found < 0 ? null : trace(found);
  }

  /**
   * A free cell of the path that passes over the path again, or where the path with the lines
   * already drawn shows a bend beside a line it does not join; -1 when there is none.
   */
  int flaw(List<int[]> path) {
    java.util.Map<Integer, Integer> mine = new java.util.HashMap<>();
    for (int i = 0; i + 1 < path.size(); i++) {
      int[] p = path.get(i);
      int[] q = path.get(i + 1);
      int d = q[0] > p[0] ? 1 : q[0] < p[0] ? 3 : q[1] > p[1] ? 2 : 0;
      int pc = g.cell(p[0], p[1]);
      int qc = g.cell(q[0], q[1]);
      if (mine.containsKey(qc) && i + 2 < path.size()) {
        return qc;
      }
      mine.merge(pc, BIT[d], (x, y) -> x | y);
      mine.merge(qc, BIT[CellGrid.opposite(d)], (x, y) -> x | y);
    }
    for (int c : mine.keySet()) {
      if (g.kind[c] == CellGrid.FREE || g.kind[c] == CellGrid.INTERIOR) {
        int m = g.lines[c] | mine.get(c);
        for (int k = 0; k < 4; k++) {
          int x = c % g.width + DX[k];
          int y = c / g.width + DY[k];
          if ((m & BIT[k]) != 0 || !g.inside(x, y)) {
            continue;
          }
          int n = g.cell(x, y);
          boolean free = g.kind[n] == CellGrid.FREE || g.kind[n] == CellGrid.INTERIOR;
          int nm = g.lines[n] | mine.getOrDefault(n, 0);
          if (free && nm != 0 && (CellGrid.showsBend(m) || CellGrid.showsBend(nm))) {
            return c;
          }
        }
      }
    }
    return -1;
  }

  private void allowAncestors(Box b) {
    for (Box p = b.parent(); p != null; p = p.parent()) {
      allowed[g.index(p)] = true;
    }
  }

  /** Border cells a line may leave the box from: {cell, outward direction, extra cost}. */
  private List<int[]> attachments(End end) {
    Box b = end.box();
    List<int[]> out = new ArrayList<>();
    if (end.row() != null) {
      addAttachment(out, b.x, b.y + end.row(), 3, 0);
      addAttachment(out, b.right(), b.y + end.row(), 1, 0);
      return out;
    }
    for (int y = b.y + 1; y < b.bottom(); y++) {
      int extra = y == b.y + 1 ? 0 : 1;
      addAttachment(out, b.x, y, 3, extra);
      addAttachment(out, b.right(), y, 1, extra);
    }
    for (int x = b.x + 2; x < b.right() - 1; x++) {
      int extra = OFF_SIDE + Math.abs(x - b.x - 3);
      addAttachment(out, x, b.y, 0, extra);
      addAttachment(out, x, b.bottom(), 2, extra);
    }
    return out;
  }

  private void addAttachment(List<int[]> out, int x, int y, int dir, int extra) {
    int c = g.cell(x, y);
    if (g.lines[c] == 0 && g.inside(x + DX[dir], y + DY[dir])) {
      out.add(new int[] {c, dir, extra});
    }
  }

  private int run() {
    while (!open.isEmpty()) {
      long top = open.pop();
      int s = (int) (top & STATE_MASK);
      int c = s >> 2;
      if (goalSeen[c] == search && goalDir[c] == (s & 3) && prev[s] >= 0) {
        return s;
      }
      if ((int) (top >>> 40) > cost[s] + heuristic(c)) {
        continue;
      }
      expand(s);
    }
    return -1;
  }

  private void expand(int s) {
    int c = s >> 2;
    int d = s & 3;
    boolean straightOnly = g.kind[c] != CellGrid.FREE && g.kind[c] != CellGrid.INTERIOR || g.lines[c] != 0;
    for (int nd = 0; nd < 4; nd++) {
      if (nd == CellGrid.opposite(d) || straightOnly && nd != d) {
        continue;
      }
      int nx = c % g.width + DX[nd];
      int ny = c / g.width + DY[nd];
      if (!g.inside(nx, ny) || !fits(c, d, nd)) {
        continue;
      }
      int n = g.cell(nx, ny);
      int step = stepCost(n, nd);
      if (step >= 0) {
        push(n * 4 + nd, s, cost[s] + step + (nd != d ? BEND : 0), n);
      }
    }
  }

  /** Extra cost of entering cell n moving in direction d, or -1 if the line may not go there. */
  private int stepCost(int n, int d) {
    if (goalSeen[n] == search) {
      return goalDir[n] == d ? STEP + goalExtra[n] : -1;
    }
    if (barred[n] == routeNo) {
      return -1;
    }
    byte k = g.kind[n];
    int o = g.owner[n];
    boolean open = o < 0 || allowed[o];
    int nearCost = g.near[n] ? NEAR : 0;
    if (open && (k == CellGrid.FREE || k == CellGrid.INTERIOR)) {
      int m = g.lines[n];
      if (m == 0) {
        return STEP + nearCost;
      }
      int across = (d & 1) == 0 ? (CellGrid.E | CellGrid.W) : (CellGrid.N | CellGrid.S);
      return m == across ? STEP + CROSS : -1;
    }
    boolean perpendicular = k == CellGrid.BORDER_H ? (d & 1) == 0 : k == CellGrid.BORDER_V && (d & 1) == 1;
    return open && o >= 0 && perpendicular && g.lines[n] == 0 ? STEP : -1;
  }

  /**
   * Whether cell c, entered in direction d and left in nd, keeps the picture unambiguous: it must
   * not seem to join a neighbour it does not join, must not run alongside a box's border (a reader
   * would take the pair for a double border), and a bend ('+') may not stand beside a line it
   * does not join.
   */
  private boolean fits(int c, int d, int nd) {
    byte k = g.kind[c];
    if (k != CellGrid.FREE && k != CellGrid.INTERIOR) {
      return true;
    }
    int mine = g.lines[c] | BIT[CellGrid.opposite(d)] | BIT[nd];
    int shape = CellGrid.shapeOf(mine);
    int x = c % g.width;
    int y = c / g.width;
    for (int k2 = 0; k2 < 4; k2++) {
      if ((mine & BIT[k2]) != 0 || !g.inside(x + DX[k2], y + DY[k2])) {
        continue;
      }
      int n = g.cell(x + DX[k2], y + DY[k2]);
      if ((shape & BIT[k2]) != 0 && (g.looksJoined(n) & BIT[CellGrid.opposite(k2)]) != 0
          || alongBorder(mine, n, k2) || bendBeside(mine, n)) {
        return false;
      }
    }
    return true;
  }

  /** A straight run parallel to the border next to it. */
  private boolean alongBorder(int mine, int n, int towards) {
    byte nk = g.kind[n];
    boolean horizontal = mine == (CellGrid.E | CellGrid.W);
    boolean vertical = mine == (CellGrid.N | CellGrid.S);
    boolean sideways = (towards & 1) == 1;
    return horizontal && !sideways && (nk == CellGrid.BORDER_H || nk == CellGrid.CORNER)
        || vertical && sideways && (nk == CellGrid.BORDER_V || nk == CellGrid.CORNER);
  }

  /**
   * A bend ('+') next to a line it does not join, or a line next to such a bend: a reader takes
   * the '+' for a junction with it (or, beside a '|', for a crossing).
   */
  private boolean bendBeside(int mine, int n) {
    if (g.kind[n] != CellGrid.FREE && g.kind[n] != CellGrid.INTERIOR || g.lines[n] == 0) {
      return false;
    }
    return CellGrid.showsBend(mine) || CellGrid.showsBend(g.lines[n]);
  }

  private int heuristic(int c) {
    int x = c % g.width;
    int y = c / g.width;
    int dx = x < goalMinX ? goalMinX - x : x > goalMaxX ? x - goalMaxX : 0;
    int dy = y < goalMinY ? goalMinY - y : y > goalMaxY ? y - goalMaxY : 0;
    return (dx + dy) * STEP;
  }

  private void push(int state, int from, int newCost, int c) {
    if (seen[state] == search && cost[state] <= newCost) {
      return;
    }
    seen[state] = search;
    cost[state] = newCost;
    prev[state] = from;
    // Among equal estimates, the state further along goes first: on the wide plateaus of equally
    // good staircase paths this finds the goal without visiting the whole plateau.
    long behind = Math.max(0, 0xFFFF - newCost);
    open.push(((long) (newCost + heuristic(c)) << 40) | (behind << 24) | state);
  }

  /** Cells from the start attachment to the goal attachment, each as {x, y}. */
  private List<int[]> trace(int s) {
    List<int[]> path = new ArrayList<>();
    for (int at = s; at >= 0; at = prev[at]) {
      int c = at >> 2;
      path.add(0, new int[] {c % g.width, c / g.width});
    }
    return path;
  }

  private void commit(List<int[]> path) {
    for (int i = 0; i + 1 < path.size(); i++) {
      int[] a = path.get(i);
      int[] b = path.get(i + 1);
      int d = b[0] > a[0] ? 1 : b[0] < a[0] ? 3 : b[1] > a[1] ? 2 : 0;
      g.lines[g.cell(a[0], a[1])] |= BIT[d];
      g.lines[g.cell(b[0], b[1])] |= BIT[CellGrid.opposite(d)];
    }
  }

  /** A binary min-heap of longs (see {@link #STATE_MASK} for how an entry is packed). */
  private static final class Heap {
    private long[] items = new long[1024];
    private int size;

    void clear() {
      size = 0;
    }

    boolean isEmpty() {
      return size == 0;
    }

    void push(long v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      int i = size++;
      while (i > 0 && items[(i - 1) / 2] > v) {
        items[i] = items[(i - 1) / 2];
        i = (i - 1) / 2;
      }
      items[i] = v;
    }

    long pop() {
      long top = items[0];
      long last = items[--size];
      int i = 0;
      while (2 * i + 1 < size) {
        int child = 2 * i + 1;
        if (child + 1 < size && items[child + 1] < items[child]) {
          child++;
        }
        if (items[child] >= last) {
          break;
        }
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
      return top;
    }
  }
}
