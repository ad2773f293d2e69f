package dev.patchbay.model.diagram;

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
 * Follows every wire of a compact Unicode drawing cell by cell, from the glyphs alone: each wire must
 * join back at every cell, end at exactly two places, each a junction on a box's side, a notch of the
 * host, a bar or a socket label's arrow, entered from the outside; never run along a border; and the
 * pairs the wires join must be exactly the file's links. Returns what is wrong, empty when nothing is.
 */
final class CompactWireCheck {
  private static final int N = 1;
  private static final int E = 2;
  private static final int S = 4;
  private static final int W = 8;
  /** End glyphs and the side a wire must come from to end on them. */
  private static final Map<Character, Integer> ENDS = Map.ofEntries(Map.entry('\u2524', W), Map.entry('\u251c', E),
      Map.entry('\u2528', W), Map.entry('\u2520', E), Map.entry('[', W), Map.entry(']', E), Map.entry('<', W),
      Map.entry('>', E), Map.entry('\u252b', W), Map.entry('\u2523', E), Map.entry('\u254b', W | E));

  private final List<String> lines;
  private final List<CompactPainter.Region> regions;
  private final List<String> problems = new ArrayList<>();
  private final Map<Character, Integer> masks = new HashMap<>();

  private CompactWireCheck(String text, List<CompactPainter.Region> regions) {
    this.lines = text.lines().toList();
    this.regions = regions;
    for (int m = 1; m < 16; m++) {
      masks.put(Charset.UNICODE.glyph(m), m);
    }
  }

  static List<String> problems(Topology t, CompactDiagram.Drawing d) {
    CompactWireCheck c = new CompactWireCheck(d.text(), d.regions());
    List<String> joined = c.follow();
    List<String> expected = new ArrayList<>();
    for (Link l : t.links()) {
      expected.add(pair(end(t, l.a()), end(t, l.b())));
    }
    joined.sort(null);
    expected.sort(null);
    if (!joined.equals(expected)) {
      c.problems.add("wires join " + joined + " but the file links " + expected);
    }
    return c.problems;
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

  private char at(int x, int y) {
    return y < 0 || y >= lines.size() || x < 0 || x >= lines.get(y).length() ? ' ' : lines.get(y).charAt(x);
  }

  private CompactPainter.Region region(int x, int y) {
    return regions.stream().filter(r -> r.contains(x, y)).findFirst().orElse(null);
  }

  private int wireMask(int x, int y) {
    return region(x, y) != null ? 0 : masks.getOrDefault(at(x, y), 0);
  }

  private List<String> follow() {
    Map<Long, Integer> component = new HashMap<>();
    List<List<String>> ends = new ArrayList<>();
    for (int y = 0; y < lines.size(); y++) {
      for (int x = 0; x < lines.get(y).length(); x++) {
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
      problems.add("the wire at " + wire[0] + "," + wire[1] + " ends on '" + at(x, y) + "' at " + x + "," + y
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
