package dev.patchbay.model.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * The wires in the gap between two columns of the compact style. A wire whose ends are level runs
 * straight; one that is not bends down (or up) in a column of the gap of its own, two cells from the
 * next so that no two wires ever touch. The bends are ordered so that no wire crosses another:
 * when no order avoids a crossing, the gap cannot be drawn and the full style is used instead.
 */
final class CompactBends {
  private CompactBends() {}

  /** The gap's width, each bending wire's column set; -1 when the wires would cross. */
  static int gap(List<CompactEdge> wires, int start) {
    List<CompactEdge> bending = new ArrayList<>();
    int width = 3;
    for (CompactEdge e : wires) {
      int l = e.row(e.left());
      int r = e.row(e.right());
      if (l == r) {
        width = Math.max(width, e.label == null ? 3 : DiagramText.width(e.label) + 2);
      } else if (e.label != null) {
        return -1;
      } else {
        bending.add(e);
      }
    }
    for (CompactEdge s : wires) {
      for (CompactEdge b : bending) {
        if (s != b && !bending.contains(s) && within(s.row(s.left()), b)) {
          return -1;
        }
      }
    }
    List<CompactEdge> order = order(bending);
    if (order == null) {
      return -1;
    }
    for (int i = 0; i < order.size(); i++) {
      order.get(i).jog = start + 1 + 2 * i;
    }
    return Math.max(width, 2 * order.size() + 1);
  }

  /** The bending wires left to right so that none crosses another, or null when there is no such order. */
  private static List<CompactEdge> order(List<CompactEdge> bending) {
    List<CompactEdge> left = new ArrayList<>(bending);
    left.sort(java.util.Comparator.comparingInt(e -> e.row(e.left())));
    List<CompactEdge> out = new ArrayList<>();
    while (!left.isEmpty()) {
      CompactEdge next = null;
      for (CompactEdge p : left) {
        if (left.stream().allMatch(q -> q == p || before(p, q))) {
          next = p;
          break;
        }
      }
      if (next == null) {
        return null;
      }
      out.add(next);
      left.remove(next);
    }
    return out;
  }

  /**
   * Whether p may bend left of q: p's right-hand run then passes q's bend, and q's left-hand run
   * passes p's bend, so neither may lie within the other's vertical stretch.
   */
  static boolean before(CompactEdge p, CompactEdge q) {
    return !within(p.row(p.right()), q) && !within(q.row(q.left()), p);
  }

  private static boolean within(int row, CompactEdge e) {
    int a = e.row(e.left());
    int b = e.row(e.right());
    return row >= Math.min(a, b) && row <= Math.max(a, b);
  }
}
