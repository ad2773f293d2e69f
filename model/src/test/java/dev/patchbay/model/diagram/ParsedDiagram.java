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
  /** Cell where the wide character on its left spills over. */
  private static final int TAKEN = -1;

  final List<String> rows;
  final List<String> trailer = new ArrayList<>();
  final List<Rect> boxes = new ArrayList<>();
  final List<Trace> traces = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  private final List<int[]> cells = new ArrayList<>();
  private final Set<Long> text = new HashSet<>();
  private final Set<Long> crossings = new HashSet<>();
  private final Map<Long, Integer> arms = new HashMap<>();
  private final Map<Long, Long> parent = new HashMap<>();
  private final Set<Rect> leaves = new HashSet<>();
  private Rect[][] borderOf;
  private Rect[][] insideOf;

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
    for (String l : rows) {
      cells.add(toCells(l));
    }
  }

  static ParsedDiagram parse(String text) {
    ParsedDiagram d = new ParsedDiagram(text);
    d.findBoxes();
    d.indexBoxes();
    d.findText();
    d.findWires();
    d.traceNets();
    return d;
  }

  /** Code points by cell, box-drawing characters as ASCII. */
  private static int[] toCells(String line) {
    List<Integer> out = new ArrayList<>();
    line.codePoints().forEach(cp -> {
      out.add(ascii(cp));
      if (wide(cp)) {
        out.add(TAKEN);
      }
    });
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Whether a terminal gives the character two columns: the scripts and blocks East Asian Width
   * calls Wide or Fullwidth. Worked out here from Java's script data, not borrowed from the
   * renderer, so that a renderer counting wrong is caught.
   */
  static boolean wide(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
    boolean letters = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
        && block != Character.UnicodeBlock.HANGUL_JAMO_EXTENDED_B && block != Character.UnicodeBlock.HANGUL_JAMO;
    boolean forms = block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && cp <= 0xFF60
        || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION || cp == 0x30FC;
    return letters && cp >= 0x1100 && !(cp >= 0xFFA0 && cp <= 0xFFDC) || forms;
  }

  private static int ascii(int cp) {
    return switch (cp) {
      case '\u2500' -> '-';
      case '\u2502' -> '|';
      case '\u250c', '\u2510', '\u2514', '\u2518', '\u251c', '\u2524', '\u252c', '\u2534', '\u253c' -> '+';
      default -> cp;
    };
  }

  int at(int x, int y) {
    if (y < 0 || y >= cells.size() || x < 0 || x >= cells.get(y).length) {
      return ' ';
    }
    return cells.get(y)[x];
  }

  /** The text of cells x0..x1-1 of row y, a wide character once. */
  String rowText(int y, int x0, int x1) {
    StringBuilder s = new StringBuilder();
    for (int x = Math.max(0, x0); x < x1; x++) {
      int c = at(x, y);
      if (c != TAKEN) {
        s.appendCodePoint(c);
      }
    }
    return s.toString();
  }

  /** Columns of the widest row of the drawing (the trailer not counted). */
  int width() {
    return cells.stream().mapToInt(r -> r.length).max().orElse(0);
  }

  private static long key(int x, int y) {
    return ((long) y << 32) | (x & 0xFFFFFFFFL);
  }

  // ---- boxes -------------------------------------------------------------------------------------

  private void findBoxes() {
    for (int y = 0; y < cells.size(); y++) {
      for (int x = 0; x < cells.get(y).length; x++) {
        if (at(x, y) == '+') {
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
    while (at(r, y) == '-' || at(r, y) == '+') {
      r++;
    }
    int b = y + 1;
    while (at(x, b) == '|' || at(x, b) == '+') {
      b++;
    }
    for (r--; r >= x + 2; r--) {
      for (int bb = b - 1; bb >= y + 2; bb--) {
        if (closes(x, y, r, bb)) {
          String title = rowText(y + 1, x + 1, r);
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
    if (at(r, y) != '+' || at(x, b) != '+' || at(r, b) != '+') {
      return false;
    }
    for (int i = x; i <= r; i++) {
      if (at(i, b) != '-' && at(i, b) != '+') {
        return false;
      }
    }
    for (int j = y; j <= b; j++) {
      if (at(r, j) != '|' && at(r, j) != '+') {
        return false;
      }
    }
    return true;
  }

  /** Which box's border and innermost inside each cell is on: outer boxes first, inner overwrite. */
  private void indexBoxes() {
    int h = cells.size();
    int w = width();
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

  // ---- text and wires ----------------------------------------------------------------------------

  /** Inside leaves everything is text; elsewhere a run of non-blank cells holding a letter is. */
  private void findText() {
    for (int y = 0; y < cells.size(); y++) {
      int start = -1;
      boolean letter = false;
      for (int x = 0; x <= cells.get(y).length; x++) {
        int c = at(x, y);
        boolean part = x < cells.get(y).length && c != ' ' && borderOwner(x, y) == null;
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
    for (int y = 0; y < cells.size(); y++) {
      for (int x = 0; x < cells.get(y).length; x++) {
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

  private long find(long n) {
    long p = n;
    while (parent.containsKey(p)) {
      p = parent.get(p);
    }
    if (p != n) {
      parent.put(n, p);
    }
    return p;
  }

  private void union(long a, long b) {
    long ra = find(a);
    long rb = find(b);
    if (ra != rb) {
      parent.put(ra, rb);
    }
  }

  private record End(Rect box, int x, int y) {}

  private void traceNets() {
    Map<Long, List<End>> ends = new LinkedHashMap<>();
    for (Map.Entry<Long, Integer> e : arms.entrySet()) {
      int x = (int) (long) e.getKey();
      int y = (int) (e.getKey() >> 32);
      for (int d = 0; d < 4; d++) {
        if ((e.getValue() & (1 << d)) != 0 && arms.containsKey(key(x + DX[d], y + DY[d]))) {
          union(node(x, y, d), node(x + DX[d], y + DY[d], d));
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
      cellsOf.computeIfAbsent(find(node(x, y, 0)), n -> new ArrayList<>()).add(new int[] {x, y});
      if (crossings.contains(k)) {
        cellsOf.computeIfAbsent(find(node(x, y, 1)), n -> new ArrayList<>()).add(new int[] {x, y});
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
            union(outside, inside);
          }
        } else if (outside == null && inside == null) {
          problems.add("'+' on the border of " + r.title() + " at " + x + "," + y + " leads nowhere");
        } else if (outside == null || inside == null) {
          ends.computeIfAbsent(find(outside != null ? outside : inside), k -> new ArrayList<>()).add(new End(r, x, y));
        }
      }
    }
  }

  private Long wireToward(int x, int y, int d) {
    int nx = x + DX[d];
    int ny = y + DY[d];
    Integer m = arms.get(key(nx, ny));
    return m != null && (m & (1 << ((d + 2) & 3))) != 0 ? find(node(nx, ny, d)) : null;
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
