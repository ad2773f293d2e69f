package dev.patchbay.app.designer.canvas;

import java.util.List;
import java.util.Set;
import javafx.scene.Group;

/**
 * While nodes are dragged, the wires of the dragged nodes are painted as one path whose points are
 * moved in place each frame, instead of re-routing each wire's two curves (drawn and picked) and
 * painting them one by one; the dragged nodes are translated, and placed for good by the move
 * command when the drag ends.
 *
 * <p>Two heavier designs were measured and dropped (app/PERFORMANCE.md has today's figures): lifting
 * the dragged nodes into a layer of their own, cached as one bitmap, cost a second at the drop
 * because a node that changes parent is styled again from scratch; drawing every node from a
 * bitmap of itself during the drag made its first frame ~140 ms slower for no faster frame after.
 */
final class DragLayers {
  private final StretchedWires stretchedPath = new StretchedWires();
  private final Group stretched = new Group(stretchedPath);
  private List<NodeView> moved = List.of();
  private List<LinkView> selfRouted = List.of();
  private Set<LinkView> movedWires = Set.of();
  private boolean active;

  /** The wires of the dragged nodes: above the other wires, below every node. */
  Group stretchedLayer() {
    return stretched;
  }

  boolean isActive() {
    return active;
  }

  /** Starts a drag of {@code nodes} with their {@code wires}. */
  void lift(List<NodeView> nodes, Set<LinkView> wires) {
    active = true;
    moved = List.copyOf(nodes);
    movedWires = Set.copyOf(wires);
    // The plain wires are painted by one path; the others (selected, flagged) by themselves.
    List<LinkView> plain = wires.stream().filter(LinkView::isPlain).toList();
    selfRouted = wires.stream().filter(w -> !w.isPlain()).toList();
    plain.forEach(w -> w.setBatched(true));
    stretchedPath.setWires(plain);
  }

  /** The nodes of the drag under way. */
  List<NodeView> movedNodes() {
    return moved;
  }

  /** The wires of the drag under way (the shared path of the other wires leaves them out). */
  Set<LinkView> movedWires() {
    return movedWires;
  }

  /** The plain wires of the dragged nodes, drawn by one path: {@link StretchedWires#route} moves them. */
  StretchedWires stretchedPath() {
    return stretchedPath;
  }

  /** The wires of the dragged nodes that draw themselves (and are routed each frame). */
  List<LinkView> selfRouted() {
    return selfRouted;
  }

  /** Draws every dragged node moved by the offset, in canvas units (a translation, not a relocation). */
  void offset(double dx, double dy) {
    for (NodeView n : moved) {
      n.setTranslateX(dx);
      n.setTranslateY(dy);
    }
  }

  /** Ends the drag: the nodes are drawn at their places again, the wires by themselves or the shared path. */
  void drop() {
    if (!active) {
      return;
    }
    offset(0, 0);
    active = false;
    moved = List.of();
    movedWires = Set.of();
    selfRouted = List.of();
    stretchedPath.setWires(List.of());
  }

}
