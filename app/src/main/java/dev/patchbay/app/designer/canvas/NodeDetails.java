package dev.patchbay.app.designer.canvas;

import java.util.Collection;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;

/**
 * Which nodes carry their details (see {@link NodeView#setDetailed}): none in an overview; else
 * those within one view's width and height of what the view shows, so a pan that settles nearby
 * finds them ready. A small design fits in that margin whole.
 */
final class NodeDetails {
  private NodeDetails() {}

  /** {@code view} is the part of the drawing the window shows, in canvas units. */
  static void apply(Collection<NodeView> nodes, boolean overview, Bounds view) {
    Bounds near = near(view);
    for (NodeView n : nodes) {
      n.setDetailed(!overview && near.intersects(n.drawnX(), n.drawnY(), n.getPrefWidth(), n.getPrefHeight()));
    }
  }

  /** Whether one node carries its details at this zoom and view (a node being made). */
  static boolean wanted(NodeView n, boolean overview, Bounds view) {
    return !overview && near(view).intersects(n.drawnX(), n.drawnY(), n.getPrefWidth(), n.getPrefHeight());
  }

  private static Bounds near(Bounds view) {
    return new BoundingBox(view.getMinX() - view.getWidth(), view.getMinY() - view.getHeight(),
        3 * view.getWidth(), 3 * view.getHeight());
  }
}
