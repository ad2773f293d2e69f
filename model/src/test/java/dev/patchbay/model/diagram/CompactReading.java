package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire part of {@link DiagramChecker} for the compact style: follows every wire cell by cell
 * (cells as a terminal shows them, an East Asian wide character two), from the glyphs of either
 * charset: each wire must join back at every cell, end at exactly two places, each a junction on a
 * box's side, a notch of the host, a bar or a socket label's arrow, entered from the outside; never
 * run along a border; and the pairs the wires join must be exactly the file's links. Which element
 * stands where comes from the painter's regions, so a wire is traced to the file, not to a guess.
 */
final class CompactReading {
  private static final int N = 1;
  private static final int E = 2;
  private static final int S = 4;
  private static final int W = 8;
  /** End glyphs and the side a wire must come from to end on them. */
  private static final Map<Integer, Integer> ENDS = Map.ofEntries(Map.entry(0x2524, W), Map.entry(0x251c, E),
      Map.entry(0x2528, W), Map.entry(0x2520, E), Map.entry((int) '[', W), Map.entry((int) ']', E),
      Map.entry((int) '<', W), Map.entry((int) '>', E), Map.entry(0x252b, W), Map.entry(0x2523, E),
      Map.entry(0x254b, W | E), Map.entry((int) '#', W | E), Map.entry((int) '+', W | E));
  /** Cell where the wide character on its left spills over. */
  private static final int TAKEN = -1;

  private final List<int[]> rows = new ArrayList<>();
  private final Charset charset;
  private final List<CompactPainter.Region> regions;
  private final List<String> problems = new ArrayList<>();
  private final Map<Integer, Integer> masks = new HashMap<>();
  /** Which region each cell is in (the painter's first), or null. */
  private final CompactPainter.Region[][] regionAt;
  /** Cells of words: a run of non-blank cells outside regions that holds a letter or digit. */
  private final java.util.Set<Long> text = new java.util.HashSet<>();

  private CompactReading(String text, Charset charset, List<CompactPainter.Region> regions) {
    for (String l : text.lines().toList()) {
      List<Integer> cells = new ArrayList<>();
      l.codePoints().forEach(cp -> {
        cells.add(cp);
        if (DiagramText.cells(cp) == 2) {
          cells.add(TAKEN);
        }
      });
      rows.add(cells.stream().mapToInt(Integer::intValue).toArray());
    }
    this.charset = charset;
    this.regions = regions;
    regionAt = new CompactPainter.Region[rows.size()][];
    for (int y = 0; y < rows.size(); y++) {
      regionAt[y] = new CompactPainter.Region[rows.get(y).length];
    }
    for (int i = regions.size() - 1; i >= 0; i--) {
      CompactPainter.Region r = regions.get(i);
      for (int y = r.y(); y < r.y() + r.h() && y < rows.size(); y++) {
        for (int x = r.x(); x < r.x() + r.w() && x < regionAt[y].length; x++) {
          regionAt[y][x] = r;
        }
      }
    }
    findText();
    if (charset == Charset.UNICODE) {
      for (int m = 1; m < 16; m++) {
        masks.put((int) Charset.UNICODE.glyph(m), m);
      }
    }
  }

  /** What is wrong with the drawing's wires, in words; empty when nothing is. */
  static List<String> problems(Topology t, CompactDiagram.Drawing d, Charset charset) {
    CompactReading c = new CompactReading(d.text(), charset, d.regions());
    c.frames();
    c.portRows(t, charset);
    List<String> joined = c.follow();
    List<String> expected = new ArrayList<>();
    for (Link l : t.links()) {
      if (!bridged(t, l)) {
        expected.add(pair(end(t, l.a()), end(t, l.b())));
      }
    }
    joined.sort(null);
    expected.sort(null);
    if (!joined.equals(expected)) {
      c.problems.add("wires join " + joined + " but the file links " + expected);
    }
    return c.problems;
  }

  /**
   * Each box and the host close where the painter says they stand: corners at the four corners, a
   * border along the bottom and down both sides. A name measured in the wrong columns (a wide
   * character counted once) shifts its border off the box's edge.
   */
  private void frames() {
    for (CompactPainter.Region r : regions) {
      if (r.port() != null || r.w() < 2 || r.h() < 2) {
        continue;
      }
      int right = r.x() + r.w() - 1;
      int bottom = r.y() + r.h() - 1;
      String name = r.element() == null ? "HOST" : r.element();
      boolean closed = corner(r.x(), r.y(), 0x250c) && corner(right, r.y(), 0x2510) && corner(r.x(), bottom, 0x2514)
          && corner(right, bottom, 0x2518);
      for (int x = r.x() + 1; x < right; x++) {
        closed &= at(x, bottom) == (charset == Charset.ASCII ? '-' : 0x2500);
      }
      for (int y = r.y() + 1; y < bottom; y++) {
        closed &= at(r.x(), y) != ' ' && at(right, y) != ' ' && at(right, y) != TAKEN;
      }
      if (!closed) {
        problems.add("the box of " + name + " at " + r.x() + "," + r.y() + " does not close as a " + r.w() + " x "
            + r.h() + " rectangle");
      }
    }
  }

  /**
   * A wire to a guest's NIC or a socket box's side meets the box on the row that names it, as the
   * text shows it: the painter's word for where a port is, checked against what a reader sees.
   */
  private void portRows(Topology t, Charset charset) {
    Map<String, CompactPainter.Region> boxes = new HashMap<>();
    regions.stream().filter(r -> r.port() == null && r.element() != null && r.h() > 1)
        .forEach(r -> boxes.putIfAbsent(r.element(), r));
    for (CompactPainter.Region r : regions) {
      CompactPainter.Region box = boxes.get(r.element());
      if (r.port() != null && box == null) {
        labelSide(r, charset);
        continue;
      }
      Element el = r.port() == null || box == null ? null : t.element(r.element()).orElse(null);
      if (!(el instanceof Guest || el instanceof Socket)) {
        continue;
      }
      StringBuilder row = new StringBuilder();
      for (int x = box.x() + 1; x < box.x() + box.w() - 1; x++) {
        if (at(x, r.y()) != TAKEN) {
          row.appendCodePoint(at(x, r.y()));
        }
      }
      String shown = DiagramText.shown(r.port(), charset, false);
      String text = row.toString().strip();
      if (!text.equals(shown) && !text.startsWith(shown + " ")) {
        problems.add("the port " + r.element() + ":" + r.port() + " is at a row that reads '" + text + "'");
      }
    }
  }

  /**
   * A socket drawn as its wire's label: the side an end is stands under (or over) that end of the
   * label, starting at its first cell on the left, ending at its last on the right.
   */
  private void labelSide(CompactPainter.Region end, Charset charset) {
    String side = DiagramText.shown(end.port(), charset, false);
    CompactPainter.Region label = regions.stream()
        .filter(r -> r.port() == null && end.element().equals(r.element()) && r.contains(end.x(), end.y()))
        .findFirst().orElse(null);
    boolean left = label != null && end.x() == label.x();
    int from = left ? end.x() : end.x() + 1 - DiagramText.width(side);
    for (int y : new int[] {end.y() + 1, end.y() - 1}) {
      StringBuilder text = new StringBuilder();
      for (int x = from; x < from + DiagramText.width(side); x++) {
        if (at(x, y) != TAKEN) {
          text.appendCodePoint(at(x, y));
        }
      }
      if (text.toString().equals(side) && at(from - 1, y) == ' ' && at(from + DiagramText.width(side), y) == ' ') {
        return;
      }
    }
    problems.add("the side " + end.port() + " of " + end.element() + " is not written at its end of the label");
  }

  private boolean corner(int x, int y, int unicode) {
    return at(x, y) == (charset == Charset.ASCII ? '+' : unicode);
  }

  /** A bridge's link to its member: the host's line naming the bridge says it, no wire. */
  private static boolean bridged(Topology t, Link l) {
    return t.element(l.a().element()).filter(Bridge.class::isInstance).isPresent()
        || t.element(l.b().element()).filter(Bridge.class::isInstance).isPresent();
  }

  /** How an end of a link shows: a guest's NIC and a socket's side by port, the rest by element. */
  private static String end(Topology t, Endpoint e) {
    Element el = t.element(e.element()).orElseThrow();
    return el instanceof Guest || el instanceof Socket s && s.transport().pointToPoint()
        ? e.element() + ":" + e.port() : e.element();
  }

  private static String pair(String a, String b) {
    return a.compareTo(b) <= 0 ? a + " -- " + b : b + " -- " + a;
  }

  private int at(int x, int y) {
    return y < 0 || y >= rows.size() || x < 0 || x >= rows.get(y).length ? ' ' : rows.get(y)[x];
  }

  private CompactPainter.Region region(int x, int y) {
    return y < 0 || y >= regionAt.length || x < 0 || x >= regionAt[y].length ? null : regionAt[y][x];
  }

  /** A label outside every box (a bar's, a socket's sides) may hold '-' or '|': those are no wire. */
  private void findText() {
    for (int y = 0; y < rows.size(); y++) {
      int start = -1;
      boolean word = false;
      for (int x = 0; x <= rows.get(y).length; x++) {
        boolean part = x < rows.get(y).length && at(x, y) != ' ' && region(x, y) == null;
        if (part && start < 0) {
          start = x;
          word = false;
        }
        if (part) {
          word |= at(x, y) == TAKEN || Character.isLetterOrDigit(at(x, y));
        } else if (start >= 0) {
          for (int i = start; word && i < x; i++) {
            text.add(key(i, y));
          }
          start = -1;
        }
      }
    }
  }

  private int wireMask(int x, int y) {
    if (region(x, y) != null || text.contains(key(x, y))) {
      return 0;
    }
    return charset == Charset.UNICODE ? masks.getOrDefault(at(x, y), 0) : asciiMask(x, y);
  }

  /**
   * ASCII draws every bend '+': its arms are the sides where a wire or an end meets it along that
   * side's axis (a '-' or '+' left and right, a '|' or '+' above and below).
   */
  private int asciiMask(int x, int y) {
    int c = at(x, y);
    if (c == '-') {
      return E | W;
    }
    if (c == '|') {
      return N | S;
    }
    if (c != '+') {
      return 0;
    }
    int m = 0;
    m |= meets(x + 1, y, '-') ? E : 0;
    m |= meets(x - 1, y, '-') ? W : 0;
    m |= meets(x, y + 1, '|') ? S : 0;
    m |= meets(x, y - 1, '|') ? N : 0;
    return m;
  }

  private boolean meets(int x, int y, int line) {
    int c = at(x, y);
    return region(x, y) == null ? (c == line || c == '+') && !text.contains(key(x, y)) : ENDS.containsKey(c);
  }

  private List<String> follow() {
    Map<Long, Integer> component = new HashMap<>();
    List<List<String>> ends = new ArrayList<>();
    for (int y = 0; y < rows.size(); y++) {
      for (int x = 0; x < rows.get(y).length; x++) {
        if (wireMask(x, y) != 0 && !component.containsKey(key(x, y))) {
          ends.add(walk(x, y, ends.size(), component));
        }
      }
    }
    List<String> joined = new ArrayList<>();
    for (int i = 0; i < ends.size(); i++) {
      if (ends.get(i).size() != 2) {
        problems.add("wire " + i + " has " + ends.get(i).size() + " ends: " + ends.get(i));
      } else {
        joined.add(pair(ends.get(i).get(0), ends.get(i).get(1)));
      }
    }
    return joined;
  }

  /** The ends of the wire through (x, y), every cell of it marked as wire {@code id}. */
  private List<String> walk(int x0, int y0, int id, Map<Long, Integer> component) {
    List<String> ends = new ArrayList<>();
    java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
    todo.add(new int[] {x0, y0});
    component.put(key(x0, y0), id);
    while (!todo.isEmpty()) {
      int[] c = todo.poll();
      int m = wireMask(c[0], c[1]);
      alongBorder(c[0], c[1], m);
      for (int dir : new int[] {N, E, S, W}) {
        if ((m & dir) == 0) {
          continue;
        }
        int nx = c[0] + (dir == E ? 1 : dir == W ? -1 : 0);
        int ny = c[1] + (dir == S ? 1 : dir == N ? -1 : 0);
        int back = dir == E ? W : dir == W ? E : dir == N ? S : N;
        if ((wireMask(nx, ny) & back) != 0) {
          if (component.putIfAbsent(key(nx, ny), id) == null) {
            todo.add(new int[] {nx, ny});
          }
        } else {
          ends.add(endAt(nx, ny, back, c));
        }
      }
    }
    return ends;
  }

  private String endAt(int x, int y, int from, int[] wire) {
    CompactPainter.Region r = region(x, y);
    Integer allowed = ENDS.get(at(x, y));
    if (r == null || r.element() == null || allowed == null || (allowed & from) == 0) {
      problems.add("the wire at " + wire[0] + "," + wire[1] + " ends on '" + Character.toString(at(x, y)) + "' at " + x + "," + y
          + (r == null ? " in the open" : r.element() == null ? " on the host's border outside a notch" : ""));
      return "?" + x + "," + y;
    }
    return r.port() == null ? r.element() : r.element() + ":" + r.port();
  }

  /** A straight run of wire beside a box's or the host's border runs along it. */
  private void alongBorder(int x, int y, int m) {
    boolean across = m == (E | W);
    boolean down = m == (N | S);
    for (int[] d : across ? new int[][] {{0, 1}, {0, -1}} : down ? new int[][] {{1, 0}, {-1, 0}} : new int[0][]) {
      CompactPainter.Region r = region(x + d[0], y + d[1]);
      if (r != null && r.w() > 1 && r.h() > 1) {
        problems.add("the wire at " + x + "," + y + " runs along the border of " + r.element());
      }
    }
  }

  private static long key(int x, int y) {
    return ((long) y << 32) | (x & 0xffffffffL);
  }
}
