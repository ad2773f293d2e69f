package dev.patchbay.app.designer.canvas;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.scene.CacheHint;
import javafx.scene.Group;

/**
 * While nodes are dragged every node is drawn from a bitmap of itself (painted once when the drag
 * starts, then only blitted as the dragged ones move), and the wires of the dragged nodes are
 * painted as one path moved in place. In software rendering a frame that painted 2,000 nodes and
 * their wires shape by shape took ~200 ms.
 *
 * <p>Nothing changes parent: a node moved to another layer is styled again from scratch, which
 * for 500 nodes cost a second at the start and at the end of a drag.
 */
final class DragLayers {
  private final StretchedWires stretchedPath = new StretchedWires();
  private final Group stretched = new Group(stretchedPath);
  private List<NodeView> moved = List.of();
  private List<NodeView> cached = List.of();
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

  /**
   * Starts a drag of {@code nodes} with their {@code wires}; {@code cacheAll} (the nodes to draw
   * from bitmaps) is empty when the bitmaps would not fit in memory at this zoom.
   */
  void lift(List<NodeView> nodes, Set<LinkView> wires, Collection<NodeView> cacheAll) {
    active = true;
    moved = List.copyOf(nodes);
    movedWires = Set.copyOf(wires);
    // The plain wires are painted by one path; the others (selected, flagged) by themselves.
    List<LinkView> plain = wires.stream().filter(LinkView::isPlain).toList();
    selfRouted = wires.stream().filter(w -> !w.isPlain()).toList();
    plain.forEach(w -> w.setBatched(true));
    stretchedPath.setWires(plain);
    cached = List.copyOf(cacheAll);
    cached.forEach(n -> cache(n, true));
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
    cached.forEach(n -> cache(n, false));
    cached = List.of();
    moved = List.of();
    movedWires = Set.of();
    selfRouted = List.of();
    stretchedPath.setWires(List.of());
  }

  private static void cache(NodeView n, boolean on) {
    n.setCacheHint(CacheHint.SPEED);
    n.setCache(on);
  }
}
