package dev.patchbay.app.designer.canvas;

import java.util.Collection;
import java.util.List;
import javafx.scene.CacheHint;
import javafx.scene.Group;
import javafx.scene.Node;

/**
 * While nodes are dragged, they and the wires between them are lifted into one layer that is
 * painted once into a bitmap and then only moved; the wires with one end dragged go to a layer of
 * their own and are re-routed each frame; the rest of the drawing is painted once into bitmaps.
 * In software rendering, painting 2,000 nodes and their wires every frame took ~200 ms; a frame
 * of a drag now blits bitmaps and draws only the stretched wires.
 *
 * <p>Lifting is done in batches (one change per layer): moving 500 children one at a time through
 * a 2,000-child list is quadratic. Dropping puts everything back in its original order, so the
 * stacking is the same as before the drag.
 */
final class DragLayers {
  private final Group staticLinks;
  private final Group staticNodes;
  private final Node staticBatch;
  private final StretchedWires stretchedPath = new StretchedWires();
  private final Group stretched = new Group(stretchedPath);
  private List<LinkView> selfRouted = List.of();
  private final Group liftedLinks = new Group();
  private final Group liftedNodes = new Group();
  private final Group lifted = new Group(liftedLinks, liftedNodes);
  private List<NodeView> moved = List.of();
  private boolean active;

  DragLayers(Group staticLinks, Group staticNodes, Node staticBatch) {
    this.staticLinks = staticLinks;
    this.staticNodes = staticNodes;
    this.staticBatch = staticBatch;
  }

  /** The wires with one end dragged: above the other wires, below every node. */
  Group stretchedLayer() {
    return stretched;
  }

  /** The dragged nodes and the wires between them: above everything else while dragged. */
  Group liftedLayer() {
    return lifted;
  }

  boolean isActive() {
    return active;
  }

  /**
   * Lifts the nodes with their {@code rigid} wires (both ends dragged) and the {@code stretching}
   * wires; {@code cacheRest} says whether bitmaps of the rest fit in memory (zoomed far into a
   * large design they would not, and the rest is then painted as it is).
   */
  void lift(List<NodeView> nodes, Collection<LinkView> rigid, Collection<LinkView> stretching, boolean cacheRest) {
    active = true;
    moved = List.copyOf(nodes);
    staticNodes.getChildren().removeAll(nodes);
    staticLinks.getChildren().removeAll(rigid);
    staticLinks.getChildren().removeAll(stretching);
    liftedNodes.getChildren().setAll(nodes);
    liftedLinks.getChildren().setAll(rigid);
    // The plain stretched wires are painted by one path; the others (selected, flagged) by themselves.
    List<LinkView> plain = stretching.stream().filter(LinkView::isPlain).toList();
    selfRouted = stretching.stream().filter(w -> !w.isPlain()).toList();
    rigid.forEach(w -> w.setBatched(false));
    plain.forEach(w -> w.setBatched(true));
    stretchedPath.setWires(plain);
    stretched.getChildren().setAll(stretchedPath);
    stretched.getChildren().addAll(stretching);
    cache(lifted, true);
    cache(staticNodes, cacheRest);
    cache(staticLinks, cacheRest);
    cache(staticBatch, cacheRest);
  }

  /** The plain wires with one end dragged, drawn by one path: {@link StretchedWires#route} moves them. */
  StretchedWires stretchedPath() {
    return stretchedPath;
  }

  /** The wires with one end dragged that draw themselves (and are routed each frame). */
  List<LinkView> selfRouted() {
    return selfRouted;
  }

  /** Moves every lifted node (and the wires between them) by the offset, in canvas units. */
  void offset(double dx, double dy) {
    lifted.setTranslateX(dx);
    lifted.setTranslateY(dy);
    for (NodeView n : moved) {
      n.setDragOffset(dx, dy);
    }
  }

  /** Puts the lifted views back; the orders are those of the static layers before the lift. */
  void drop(List<NodeView> nodeOrder, List<LinkView> linkOrder) {
    if (!active) {
      return;
    }
    offset(0, 0);
    active = false;
    moved = List.of();
    List<Node> nodes = List.copyOf(liftedNodes.getChildren());
    List<Node> wires = new java.util.ArrayList<>(liftedLinks.getChildren());
    wires.addAll(stretched.getChildren().subList(1, stretched.getChildren().size()));
    liftedNodes.getChildren().clear();
    liftedLinks.getChildren().clear();
    stretched.getChildren().setAll(stretchedPath);
    stretchedPath.setWires(List.of());
    selfRouted = List.of();
    staticNodes.getChildren().addAll(nodes);
    staticLinks.getChildren().addAll(wires);
    // Same children in a new order: JavaFX treats it as a permutation (no re-styling).
    staticNodes.getChildren().setAll(nodeOrder);
    staticLinks.getChildren().setAll(linkOrder);
    cache(lifted, false);
    cache(staticNodes, false);
    cache(staticLinks, false);
    cache(staticBatch, false);
  }

  private static void cache(Node n, boolean on) {
    n.setCacheHint(CacheHint.SPEED);
    n.setCache(on);
  }
}
