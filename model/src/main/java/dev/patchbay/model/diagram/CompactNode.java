package dev.patchbay.model.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One thing the compact style draws: a box with its name in the top border, a bar (a hub, a VDE
 * switch, a multicast bus: a stroke that wires meet, its label above it), or the host, whose
 * interfaces are notches on its left (uplinks) and right (taps) borders. Coordinates are cells.
 */
final class CompactNode {
  enum Shape { BOX, BAR, HOST }

  /**
   * A line inside the host: an interface's label, its first line next to its notch (on the right
   * border when {@code right}), or what the kernel does.
   */
  record HostLine(String text, String notch, boolean right, boolean iface) {}

  final String id;
  final Shape shape;
  final String title;
  /** BOX: interior lines; BAR: label lines above the stroke. */
  final List<String> lines;
  /** HOST only: its interior, one entry a row. */
  final List<HostLine> hostLines;
  /** BOX: the interior row (from y) of a port; HOST: the row of an interface's notch. */
  final Map<String, Integer> portRows = new HashMap<>();
  /** Rows taken on the left (0) and right (1) side, absolute. */
  final List<TreeSet<Integer>> used = List.of(new TreeSet<>(), new TreeSet<>());
  int layer;
  int x;
  int y;
  int barTop = Integer.MAX_VALUE;
  int barBottom = Integer.MIN_VALUE;

  private CompactNode(String id, Shape shape, String title, List<String> lines, List<HostLine> hostLines) {
    this.id = id;
    this.shape = shape;
    this.title = title;
    this.lines = List.copyOf(lines);
    this.hostLines = List.copyOf(hostLines);
  }

  static CompactNode box(String id, String title, List<String> lines, Map<String, Integer> ports) {
    CompactNode n = new CompactNode(id, Shape.BOX, title, lines, List.of());
    n.portRows.putAll(ports);
    return n;
  }

  static CompactNode bar(String id, List<String> label) {
    return new CompactNode(id, Shape.BAR, label.get(0), label, List.of());
  }

  static CompactNode host(List<HostLine> lines) {
    CompactNode n = new CompactNode(null, Shape.HOST, "HOST", List.of(), lines);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).notch() != null) {
        n.portRows.put(lines.get(i).notch(), i + 1);
      }
    }
    return n;
  }

  /** Whether the host's interface is notched on its left border (an uplink) rather than its right. */
  boolean notchedLeft(String port) {
    return hostLines.stream().anyMatch(l -> port != null && port.equals(l.notch()) && !l.right());
  }

  /** A box whose only text is its name is one row: {@code [Internet]}. */
  boolean oneRow() {
    return shape == Shape.BOX && lines.isEmpty();
  }

  /** Columns the node takes, East Asian wide characters counted two. */
  int width() {
    return switch (shape) {
      case BOX -> oneRow() ? DiagramText.width(title) + 2 : Math.max(DiagramText.width(title), Box.widest(lines)) + 4;
      case BAR -> Math.max(1, Box.widest(lines));
      case HOST -> Math.max(DiagramText.width(title) + 4,
          hostLines.stream().mapToInt(l -> DiagramText.width(l.text()) + (l.iface() ? 3 : 4)).max().orElse(0));
    };
  }

  int height() {
    return switch (shape) {
      case BOX -> oneRow() ? 1 : lines.size() + 2;
      case BAR -> lines.size() + (barBottom < barTop ? 1 : barBottom - barTop + 1);
      case HOST -> hostLines.size() + 2;
    };
  }

  int bottom() {
    return y + height() - 1;
  }

  /** The column of a bar's stroke. */
  int barColumn() {
    return x + (width() - 1) / 2;
  }

  /** The cell a wire on this side (0 left, 1 right) ends next to: the border, the stroke. */
  int edgeColumn(int side) {
    if (shape == Shape.BAR) {
      return barColumn();
    }
    return side == 0 ? x : x + width() - 1;
  }

  /** Interior rows a wire may attach at when no port says which, relative to y. */
  List<Integer> freeRows() {
    List<Integer> out = new ArrayList<>();
    if (oneRow()) {
      out.add(0);
    }
    for (int i = 1; i <= lines.size() && shape == Shape.BOX; i++) {
      out.add(i);
    }
    return out;
  }

  void stretchTo(int row) {
    barTop = Math.min(barTop, row);
    barBottom = Math.max(barBottom, row);
  }

  @Override
  public String toString() {
    return (id == null ? "HOST" : id) + "@" + layer + ":" + x + "," + y;
  }
}
