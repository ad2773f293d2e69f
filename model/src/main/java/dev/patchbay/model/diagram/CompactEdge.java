package dev.patchbay.model.diagram;

import java.util.List;

/**
 * A wire of the compact style between two nodes, at the named ports (a NIC, a socket's side, the
 * host's interface). A point-to-point socket between two nodes is no node of its own: it is the
 * label written on the wire ({@code <-- sock8010 tcp 127.0.0.1:8010 -->}), its sides under the ends.
 */
final class CompactEdge {
  final CompactNode a;
  final String aPort;
  final CompactNode b;
  final String bPort;
  /** The socket this wire stands for, or null. */
  final String socketId;
  final String label;
  /** The socket's side at a's end and at b's end. */
  final List<String> sides;
  int aRow = Integer.MIN_VALUE;
  int bRow = Integer.MIN_VALUE;
  int jog = -1;

  CompactEdge(CompactNode a, String aPort, CompactNode b, String bPort, String socketId, String label,
      List<String> sides) {
    this.a = a;
    this.aPort = aPort;
    this.b = b;
    this.bPort = bPort;
    this.socketId = socketId;
    this.label = label;
    this.sides = sides;
  }

  CompactNode other(CompactNode n) {
    return n == a ? b : a;
  }

  String port(CompactNode n) {
    return n == a ? aPort : bPort;
  }

  int row(CompactNode n) {
    return n == a ? aRow : bRow;
  }

  void setRow(CompactNode n, int row) {
    if (n == a) {
      aRow = row;
    } else {
      bRow = row;
    }
  }

  boolean routed() {
    return aRow != Integer.MIN_VALUE && bRow != Integer.MIN_VALUE;
  }

  /** The node in the lower (left) layer of the two. */
  CompactNode left() {
    return a.layer < b.layer ? a : b;
  }

  CompactNode right() {
    return other(left());
  }
}
