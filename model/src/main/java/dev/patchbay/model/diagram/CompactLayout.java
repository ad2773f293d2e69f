package dev.patchbay.model.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the compact style puts its nodes: each part of the design in columns (layers), a wire
 * joining only neighbouring columns, the host's uplinks to its left and taps to its right. A node
 * lines up with the wire that reaches it first, so chains of wires run straight as in the
 * hand-drawn notes; when one must bend, it bends in the gap between columns, at a column of its
 * own. Parts not linked to each other are stacked, one blank row apart. {@link #of} gives null
 * when the design needs a wire this cannot draw without crossing or touching another.
 */
final class CompactLayout {
  private final CompactGraph g;
  private final Map<Integer, Integer> nextFree = new HashMap<>();
  private final Set<CompactNode> placed = new HashSet<>();
  int width;
  int height;

  private CompactLayout(CompactGraph g) {
    this.g = g;
  }

  static CompactLayout of(CompactGraph g) {
    CompactLayout l = new CompactLayout(g);
    int top = 0;
    for (Set<CompactNode> part : l.parts()) {
      if (!l.layer(part) || !l.place(part, top) || !l.columns(part)) {
        return null;
      }
      top = part.stream().mapToInt(CompactNode::bottom).max().orElse(top) + 2;
    }
    l.height = Math.max(0, top - 1);
    return l;
  }

  /** Nodes joined by wires, the host's part first. */
  private List<Set<CompactNode>> parts() {
    List<Set<CompactNode>> out = new ArrayList<>();
    Set<CompactNode> seen = new HashSet<>();
    List<CompactNode> order = new ArrayList<>(g.nodes);
    if (g.host() != null) {
      order.remove(g.host());
      order.add(0, g.host());
    }
    for (CompactNode n : order) {
      if (seen.add(n)) {
        Set<CompactNode> part = new LinkedHashSet<>(reach(n).keySet());
        seen.addAll(part);
        out.add(part);
      }
    }
    return out;
  }

  /** Hops from {@code from} to each node it reaches, nearest first. */
  private Map<CompactNode, Integer> reach(CompactNode from) {
    Map<CompactNode, Integer> hops = new java.util.LinkedHashMap<>();
    ArrayDeque<CompactNode> queue = new ArrayDeque<>(List.of(from));
    hops.put(from, 0);
    while (!queue.isEmpty()) {
      CompactNode n = queue.poll();
      for (CompactEdge e : g.edgesOf(n)) {
        if (hops.putIfAbsent(e.other(n), hops.get(n) + 1) == null) {
          queue.add(e.other(n));
        }
      }
    }
    return hops;
  }

  /**
   * Columns: the host's part spreads left through its uplinks and right through its taps; another
   * part starts at a node farthest from its first, so its longest chain runs left to right.
   */
  private boolean layer(Set<CompactNode> part) {
    CompactNode root = part.iterator().next();
    if (root != g.host()) {
      // Both ends of a longest chain; the one the file lists first goes left, as the notes draw guest A left of B.
      CompactNode u = farthest(root);
      CompactNode v = farthest(u);
      root = g.nodes.indexOf(u) <= g.nodes.indexOf(v) ? u : v;
    }
    Set<CompactNode> seen = new HashSet<>(List.of(root));
    ArrayDeque<CompactNode> queue = new ArrayDeque<>(List.of(root));
    root.layer = 0;
    while (!queue.isEmpty()) {
      CompactNode n = queue.poll();
      for (CompactEdge e : g.edgesOf(n)) {
        CompactNode o = e.other(n);
        if (seen.add(o)) {
          o.layer = n == g.host() ? (n.notchedLeft(e.port(n)) ? -1 : 1) : n.layer + (n.layer < 0 ? -1 : 1);
          queue.add(o);
        }
      }
    }
    int min = part.stream().mapToInt(n -> n.layer).min().orElse(0);
    part.forEach(n -> n.layer -= min);
    for (CompactEdge e : g.edges) {
      if (part.contains(e.a) && (Math.abs(e.a.layer - e.b.layer) != 1 || !hostSideFits(e))) {
        return false;
      }
    }
    return true;
  }

  private CompactNode farthest(CompactNode from) {
    return reach(from).entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue)).orElseThrow().getKey();
  }

  private boolean hostSideFits(CompactEdge e) {
    CompactNode h = g.host();
    if (e.a != h && e.b != h) {
      return true;
    }
    return h.notchedLeft(e.port(h)) == (e.other(h).layer < h.layer);
  }

  // ---- rows ----------------------------------------------------------------------------------

  private boolean place(Set<CompactNode> part, int top) {
    nextFree.clear();
    CompactNode root = part.contains(g.host()) ? g.host()
        : part.stream().filter(n -> n.layer == 0).findFirst().orElseThrow();
    placeAt(root, 0);
    try {
      visit(root);
      for (CompactEdge e : g.edges) {
        if (part.contains(e.a) && !e.routed()) {
          joinPlaced(e);
        }
      }
    } catch (IllegalStateException noRow) {
      return false;
    }
    int min = part.stream().mapToInt(n -> n.y).min().orElse(0);
    for (CompactNode n : part) {
      shift(n, top - min);
    }
    for (CompactEdge e : g.edges) {
      if (part.contains(e.a)) {
        e.aRow += top - min;
        e.bRow += top - min;
      }
    }
    return separate(part);
  }

  private static void shift(CompactNode n, int dy) {
    n.y += dy;
    if (n.shape == CompactNode.Shape.BAR) {
      n.barTop += dy;
      n.barBottom += dy;
    }
    for (Set<Integer> side : n.used) {
      List<Integer> rows = new ArrayList<>(side);
      side.clear();
      rows.forEach(r -> side.add(r + dy));
    }
  }

  /** Each node's wires in turn: an unplaced neighbour lines up with the wire, or goes below what is there. */
  private void visit(CompactNode n) {
    for (CompactEdge e : g.edgesOf(n)) {
      CompactNode o = e.other(n);
      if (e.routed() || placed.contains(o)) {
        continue;
      }
      int side = o.layer < n.layer ? 0 : 1;
      int row = n.shape == CompactNode.Shape.BAR ? nextBarRow(n, side) : attachRow(n, e, side);
      int offset = o.shape == CompactNode.Shape.BAR ? o.lines.size() : attachRow(o, e, 1 - side) - o.y;
      placeAt(o, row - offset);
      int oRow = o.shape == CompactNode.Shape.BAR ? o.barTop : o.y + offset;
      if (n.shape == CompactNode.Shape.BAR) {
        row = oRow;
        n.stretchTo(row);
      }
      take(e, n, row, side);
      take(e, o, oRow, 1 - side);
      visit(o);
    }
    reserve(n);
  }

  /** A wire between two nodes already placed: straight into a bar when the bar can reach the row. */
  private void joinPlaced(CompactEdge e) {
    CompactNode l = e.left();
    CompactNode r = e.right();
    int lRow = l.shape == CompactNode.Shape.BAR ? -1 : attachRow(l, e, 1);
    int rRow = r.shape == CompactNode.Shape.BAR ? -1 : attachRow(r, e, 0);
    if (lRow < 0) {
      lRow = barRowFacing(l, 1, rRow);
      l.stretchTo(lRow);
    }
    if (rRow < 0) {
      rRow = barRowFacing(r, 0, lRow);
      r.stretchTo(rRow);
    }
    take(e, l, lRow, 1);
    take(e, r, rRow, 0);
  }

  private static int barRowFacing(CompactNode bar, int side, int want) {
    return want >= bar.barTop && !bar.used.get(side).contains(want) ? want : nextBarRow(bar, side);
  }

  private static void take(CompactEdge e, CompactNode n, int row, int side) {
    e.setRow(n, row);
    n.used.get(side).add(row);
  }

  private static int nextBarRow(CompactNode bar, int side) {
    return bar.used.get(side).isEmpty() ? bar.barTop : Math.max(bar.barTop, bar.used.get(side).last() + 1);
  }

  /** The row a wire meets a box or the host: its port's row, else the first interior row free on that side. */
  private static int attachRow(CompactNode n, CompactEdge e, int side) {
    Integer port = n.portRows.get(e.port(n));
    if (port != null) {
      return n.y + port;
    }
    for (int r : n.freeRows()) {
      if (!n.used.get(side).contains(n.y + r)) {
        return n.y + r;
      }
    }
    throw new IllegalStateException("no free row on " + n);
  }

  private void placeAt(CompactNode n, int y) {
    Integer free = nextFree.get(n.layer);
    n.y = free == null ? y : Math.max(y, free + (n.shape == CompactNode.Shape.BAR ? 1 : 0));
    if (n.shape == CompactNode.Shape.BAR) {
      n.stretchTo(n.y + n.lines.size());
    }
    placed.add(n);
    reserve(n);
  }

  /** A blank row under a node whose bottom row carries wires (a one-row box, a bar), so none runs along a border. */
  private void reserve(CompactNode n) {
    boolean wiresAtBottom = n.shape == CompactNode.Shape.BAR || n.oneRow();
    nextFree.merge(n.layer, n.bottom() + (wiresAtBottom ? 2 : 1), Math::max);
  }

  /** No two nodes of a column share a row (a bar that grew after its neighbours were placed may). */
  private static boolean separate(Set<CompactNode> part) {
    for (CompactNode a : part) {
      for (CompactNode b : part) {
        if (a != b && a.layer == b.layer && a.y <= b.bottom() && b.y <= a.bottom()) {
          return false;
        }
      }
    }
    return true;
  }

  // ---- columns and bends ---------------------------------------------------------------------

  private boolean columns(Set<CompactNode> part) {
    int layers = part.stream().mapToInt(n -> n.layer).max().orElse(0) + 1;
    int[] widths = new int[layers];
    part.forEach(n -> widths[n.layer] = Math.max(widths[n.layer], n.width()));
    List<List<CompactEdge>> gaps = new ArrayList<>();
    for (int layer = 0; layer < layers; layer++) {
      gaps.add(new ArrayList<>());
    }
    for (CompactEdge e : g.edges) {
      if (part.contains(e.a)) {
        gaps.get(e.left().layer).add(e);
      }
    }
    List<List<CompactNode>> columns = new ArrayList<>();
    for (int layer = 0; layer < layers; layer++) {
      columns.add(new ArrayList<>());
    }
    part.forEach(n -> columns.get(n.layer).add(n));
    int hostLayer = part.contains(g.host()) ? g.host().layer : -1;
    int x = 0;
    for (int layer = 0; layer < layers; layer++) {
      for (CompactNode n : columns.get(layer)) {
        n.x = layer < hostLayer ? x + widths[layer] - n.width() : x;
      }
      x += widths[layer];
      if (layer + 1 < layers) {
        int gap = CompactBends.gap(gaps.get(layer), x);
        if (gap < 0) {
          return false;
        }
        x += gap;
      }
    }
    width = Math.max(width, x);
    return true;
  }
}
