package dev.patchbay.model.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a text diagram back into boxes and wires using nothing but its characters, so tests check
 * what a reader sees rather than the renderer's bookkeeping. Works on ASCII and Unicode alike
 * (box-drawing characters read as their ASCII twins) and counts an East Asian wide character as
 * two cells, as a terminal shows it.
 *
 * <p>What it reads: a box is a rectangle of '+' corners and '-' and '|' edges with a title on its
 * first inner row; its inside is text (a leaf) or text and other boxes (a container). Outside the
 * leaves, a run of cells holding anything but '-', '|', '+' and blanks is text; the rest are wire
 * cells: '-' joins left and right, '|' up and down, '+' the neighbours that reach it (a bend has
 * two), and a '|' with wire on both its sides is a crossing: the two lines pass without joining. A
 * '+' on a box's border, not at a corner, is where a wire meets the box; on a container's border
 * with wire on both sides the wire passes through. Wires are followed into nets; a net that meets
 * two box borders is a {@link Trace}; every other oddity lands in {@link #problems}.
 */
final class ParsedDiagram {
  /** A box: x, y of its top-left corner, its size in cells, and the text of its first inner row. */
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

    boolean corner(int cx, int cy) {
      return (cx == x || cx == right()) && (cy == y || cy == bottom());
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

  static final int[] DX = {0, 1, 0, -1};
  static final int[] DY = {-1, 0, 1, 0};

  final List<String> rows;
  final List<String> trailer = new ArrayList<>();
  final List<Rect> boxes;
  final List<Trace> traces = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  private final TextCells cells;
  private final DiagramBoxes reader;
  private final Set<Long> text = new HashSet<>();
  private final Set<Long> crossings = new HashSet<>();
  private final Map<Long, Integer> arms = new HashMap<>();
  private final UnionFind nets = new UnionFind();

  private ParsedDiagram(String text) {
    List<String> body = new ArrayList<>();
    for (String l : text.lines().toList()) {
      if (!trailer.isEmpty() || l.startsWith("(")) {
        trailer.add(l);
      } else {
        body.add(l);
      }
    }
    rows = body;
    cells = new TextCells(body);
    reader = new DiagramBoxes(cells);
    boxes = reader.boxes();
  }

  static ParsedDiagram parse(String text) {
    ParsedDiagram d = new ParsedDiagram(text);
    d.findText();
    d.findWires();
    d.traceNets();
    return d;
  }

  int at(int x, int y) {
    return cells.at(x, y);
  }

  /** The text of cells x0..x1-1 of row y, a wide character once. */
  String rowText(int y, int x0, int x1) {
    return cells.rowText(y, x0, x1);
  }

  /** Columns of the widest row of the drawing (the trailer not counted). */
  int width() {
    return cells.width();
  }

  private static long key(int x, int y) {
    return ((long) y << 32) | (x & 0xFFFFFFFFL);
  }

  // ---- boxes (read by DiagramBoxes) ------------------------------------------------------------

  Rect rectAt(int x, int y, boolean titled) {
    return reader.rectAt(x, y, titled);
  }

  boolean isLeaf(Rect r) {
    return reader.isLeaf(r);
  }

  Rect borderOwner(int x, int y) {
    return reader.borderOwner(x, y);
  }

  /** The innermost box whose inside holds the cell, or null. */
  Rect innermost(int x, int y) {
    return reader.innermost(x, y);
  }

  // ---- text and wires ----------------------------------------------------------------------------

  /** Inside leaves everything is text; elsewhere a run of non-blank cells holding a letter is. */
  private void findText() {
    for (int y = 0; y < cells.height(); y++) {
      int start = -1;
      boolean letter = false;
      for (int x = 0; x <= cells.length(y); x++) {
        int c = at(x, y);
        boolean part = x < cells.length(y) && c != ' ' && borderOwner(x, y) == null;
        if (part && start < 0) {
          start = x;
          letter = false;
        }
        if (part) {
          letter |= c != '-' && c != '|' && c != '+';
          Rect in = innermost(x, y);
          if (in != null && isLeaf(in)) {
            text.add(key(x, y));
          }
        } else if (start >= 0) {
          if (letter) {
            for (int i = start; i < x; i++) {
              text.add(key(i, y));
            }
          }
          start = -1;
        }
      }
    }
  }

  /** A wire cell: a line character outside every border, not text. */
  boolean isLineCell(int x, int y) {
    int c = at(x, y);
    return (c == '-' || c == '|' || c == '+') && borderOwner(x, y) == null && !text.contains(key(x, y));
  }

  /** A '+' on a box's border, not at a corner: where a wire may meet the box. */
  private boolean attachment(int x, int y) {
    Rect r = borderOwner(x, y);
    return r != null && at(x, y) == '+' && !r.corner(x, y);
  }

  /** Whether the cell offers a wire coming in along direction dir's axis. */
  private boolean offers(int x, int y, int dir) {
    boolean horizontal = (dir & 1) == 1;
    if (attachment(x, y)) {
      Rect r = borderOwner(x, y);
      boolean side = x == r.x() || x == r.right();
      return side == horizontal;
    }
    if (!isLineCell(x, y)) {
      return false;
    }
    int c = at(x, y);
    return c == '+' || (horizontal ? c == '-' || crossing(x, y) : c == '|');
  }

  /** A '|' in a run of them that horizontal wire meets at both ends: lines crossing it ("-||-"). */
  private boolean crossing(int x, int y) {
    if (at(x, y) != '|' || !isLineCell(x, y)) {
      return false;
    }
    int l = x - 1;
    while (at(l, y) == '|' && isLineCell(l, y)) {
      l--;
    }
    int r = x + 1;
    while (at(r, y) == '|' && isLineCell(r, y)) {
      r++;
    }
    return horizontalWire(l, y) && horizontalWire(r, y);
  }

  private boolean horizontalWire(int x, int y) {
    int c = at(x, y);
    return isLineCell(x, y) && (c == '-' || c == '+') || attachment(x, y) && offers(x, y, 1);
  }

  private void findWires() {
    for (int y = 0; y < cells.height(); y++) {
      for (int x = 0; x < cells.length(y); x++) {
        if (!isLineCell(x, y)) {
          continue;
        }
        int c = at(x, y);
        int m = 0;
        if (c == '-') {
          m = 2 | 8;
        } else if (c == '|') {
          m = crossing(x, y) ? 15 : 1 | 4;
          if (m == 15) {
            crossings.add(key(x, y));
          }
        } else {
          for (int d = 0; d < 4; d++) {
            if (offers(x + DX[d], y + DY[d], d)) {
              m |= 1 << d;
            }
          }
        }
        arms.put(key(x, y), m);
      }
    }
    for (Map.Entry<Long, Integer> e : arms.entrySet()) {
      checkCell((int) (long) e.getKey(), (int) (e.getKey() >> 32), e.getValue());
    }
  }

  /** Each arm must meet a wire reaching back or a border's '+'; a '+' has two arms exactly. */
  private void checkCell(int x, int y, int m) {
    if (at(x, y) == '+' && Integer.bitCount(m) != 2) {
      problems.add("'+' at " + x + "," + y + " has " + Integer.bitCount(m)
          + (Integer.bitCount(m) > 2 ? " arms: it reads as lines joined there" : " arms: a line ends in the open"));
    }
    for (int d = 0; d < 4; d++) {
      int nx = x + DX[d];
      int ny = y + DY[d];
      boolean reachesBack = arms.containsKey(key(nx, ny)) && (arms.get(key(nx, ny)) & (1 << ((d + 2) & 3))) != 0;
      boolean mine = (m & (1 << d)) != 0;
      if (mine && !reachesBack && !(attachment(nx, ny) && offers(nx, ny, d))) {
        Rect owner = borderOwner(nx, ny);
        problems.add(owner != null ? "line at " + x + "," + y + " runs into the border of " + owner.title()
            : "line at " + x + "," + y + " breaks off");
      } else if (!mine && reachesBack) {
        problems.add("lines at " + x + "," + y + " and " + nx + "," + ny + " touch without joining: unclear");
      } else if (!mine && at(x, y) == '+' && isLineCell(nx, ny)) {
        problems.add("a bend at " + x + "," + y + " stands beside the line at " + nx + "," + ny + ": unclear");
      }
    }
    alongBorder(x, y, m);
  }

  private void alongBorder(int x, int y, int m) {
    int[] sides = m == (2 | 8) ? new int[] {0, 2} : m == (1 | 4) ? new int[] {1, 3} : new int[0];
    for (int d : sides) {
      Rect r = borderOwner(x + DX[d], y + DY[d]);
      if (r == null) {
        continue;
      }
      int bx = x + DX[d];
      int by = y + DY[d];
      boolean parallel = (d & 1) == 0 ? by == r.y() || by == r.bottom() : bx == r.x() || bx == r.right();
      if (parallel) {
        problems.add("line at " + x + "," + y + " runs along the border of " + r.title());
      }
    }
  }

  // ---- nets --------------------------------------------------------------------------------------

  /** Node of a wire cell for a direction: a crossing has one per axis, other cells one. */
  private long node(int x, int y, int dir) {
    long k = key(x, y) * 2;
    return crossings.contains(key(x, y)) && (dir & 1) == 1 ? k + 1 : k;
  }

  private record End(Rect box, int x, int y) {}

  private void traceNets() {
    Map<Long, List<End>> ends = new LinkedHashMap<>();
    for (Map.Entry<Long, Integer> e : arms.entrySet()) {
      int x = (int) (long) e.getKey();
      int y = (int) (e.getKey() >> 32);
      for (int d = 0; d < 4; d++) {
        if ((e.getValue() & (1 << d)) != 0 && arms.containsKey(key(x + DX[d], y + DY[d]))) {
          nets.union(node(x, y, d), node(x + DX[d], y + DY[d], d));
        }
      }
    }
    for (Rect r : boxes) {
      attachments(r, null);
    }
    for (Rect r : boxes) {
      attachments(r, ends);
    }
    Map<Long, List<int[]>> cellsOf = new HashMap<>();
    for (Long k : arms.keySet()) {
      int x = (int) (long) k;
      int y = (int) (k >> 32);
      cellsOf.computeIfAbsent(nets.find(node(x, y, 0)), n -> new ArrayList<>()).add(new int[] {x, y});
      if (crossings.contains(k)) {
        cellsOf.computeIfAbsent(nets.find(node(x, y, 1)), n -> new ArrayList<>()).add(new int[] {x, y});
      }
    }
    for (Map.Entry<Long, List<int[]>> net : cellsOf.entrySet()) {
      List<End> e = ends.getOrDefault(net.getKey(), List.of());
      if (e.size() != 2) {
        int[] c = net.getValue().get(0);
        problems.add("the wire through " + c[0] + "," + c[1] + " meets " + e.size() + " box borders, not 2"
            + e.stream().map(x -> " " + x.box().title()).toList());
        continue;
      }
      int bends = (int) net.getValue().stream().filter(c -> at(c[0], c[1]) == '+').count();
      int crossed = (int) net.getValue().stream().filter(c -> crossings.contains(key(c[0], c[1]))).count();
      End a = e.get(0);
      End b = e.get(1);
      traces.add(new Trace(a.box(), a.x(), a.y(), b.box(), b.x(), b.y(), bends, crossed, net.getValue()));
    }
  }

  /**
   * The '+' cells of a box's border with a wire beside them: a leaf's are ends, a container's are
   * ends when wire comes from one side only and a passage (the two nets joined) from both. Called
   * first with no {@code ends} to join every passage, then to collect the ends of the joined nets.
   */
  private void attachments(Rect r, Map<Long, List<End>> ends) {
    for (int y = r.y(); y <= r.bottom(); y++) {
      for (int x = r.x(); x <= r.right(); x++) {
        if (!r.onBorder(x, y) || !attachment(x, y) || borderOwner(x, y) != r) {
          continue;
        }
        int out = x == r.x() ? 3 : x == r.right() ? 1 : y == r.y() ? 0 : 2;
        Long outside = wireToward(x, y, out);
        Long inside = isLeaf(r) ? null : wireToward(x, y, (out + 2) & 3);
        if (ends == null) {
          if (outside != null && inside != null) {
            nets.union(outside, inside);
          }
        } else if (outside == null && inside == null) {
          problems.add("'+' on the border of " + r.title() + " at " + x + "," + y + " leads nowhere");
        } else if (outside == null || inside == null) {
          ends.computeIfAbsent(nets.find(outside != null ? outside : inside), k -> new ArrayList<>()).add(new End(r, x, y));
        }
      }
    }
  }

  private Long wireToward(int x, int y, int d) {
    int nx = x + DX[d];
    int ny = y + DY[d];
    Integer m = arms.get(key(nx, ny));
    return m != null && (m & (1 << ((d + 2) & 3))) != 0 ? nets.find(node(nx, ny, d)) : null;
  }

  // ---- answers -----------------------------------------------------------------------------------

  /** Each line once. */
  List<Trace> lines() {
    return traces;
  }

  /** Whether two lines cross somewhere. */
  boolean hasCrossing() {
    return !crossings.isEmpty();
  }

  /** Rectangles drawn by wires alone: a reader takes them for boxes. */
  List<String> wireRectangles() {
    List<String> out = new ArrayList<>();
    for (Long k : arms.keySet()) {
      int x = (int) (long) k;
      int y = (int) (k >> 32);
      if (at(x, y) == '+' && boxes.stream().noneMatch(b -> b.x() == x && b.y() == y)) {
        Rect r = rectAt(x, y, false);
        if (r != null) {
          out.add("wires draw a rectangle at " + x + "," + y + " (" + r.w() + "x" + r.h() + ")");
        }
      }
    }
    return out;
  }

  /** Line characters that no traced line explains (a wire no box holds). */
  Set<String> strayLineCells() {
    Set<String> traced = new HashSet<>();
    for (Trace t : traces) {
      t.cells().forEach(c -> traced.add(c[0] + "," + c[1]));
    }
    Set<String> stray = new HashSet<>();
    for (Long k : arms.keySet()) {
      String c = (int) (long) k + "," + (int) (k >> 32);
      if (!traced.contains(c)) {
        stray.add(c);
      }
    }
    return stray;
  }

  /** The trailer's paragraphs: a line starting with '(' and the lines starting with ' ' after it. */
  List<String> paragraphs() {
    return paragraphs(trailer);
  }

  /** Lines under a drawing as paragraphs: one starting with '(' and the lines starting with ' ' after it. */
  static List<String> paragraphs(List<String> trailer) {
    List<String> out = new ArrayList<>();
    for (String l : trailer) {
      if (l.startsWith(" ") && !out.isEmpty()) {
        out.set(out.size() - 1, out.get(out.size() - 1) + "\n" + l);
      } else {
        out.add(l);
      }
    }
    return out;
  }
}
