package dev.patchbay.app.designer.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.scene.Group;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.VLineTo;

/**
 * In an overview, the selected nodes' boxes filled with the selection colour, drawn as one path over
 * them: marking each box by a pseudo-class styled 500 boxes (CSS) in the frame that selects 500
 * nodes, about a third of it. The marks of dragged nodes are a second path, moved with the drag.
 * In full detail the boxes mark themselves (their outline) and these paths are empty.
 */
final class SelectionMarks {
  private final Path still = new Path();
  private final Path moving = new Path();
  private final Group layer = new Group(still, moving);

  SelectionMarks() {
    still.getStyleClass().add("selection-marks");
    moving.getStyleClass().add("selection-marks");
    layer.setMouseTransparent(true);
  }

  /** Above the nodes, below the counter labels. */
  Group layer() {
    return layer;
  }

  /** Marks the selected nodes where they are placed ({@code dragged} ones on the moving path). */
  void redraw(Collection<NodeView> selected, Set<NodeView> dragged, boolean overview) {
    List<PathElement> fixed = new ArrayList<>();
    List<PathElement> moved = new ArrayList<>();
    if (overview) {
      for (NodeView n : selected) {
        box(dragged.contains(n) ? moved : fixed, n);
      }
    }
    still.getElements().setAll(fixed);
    moving.getElements().setAll(moved);
  }

  /** Mid-drag: the dragged nodes' marks are drawn moved by the offset, like the nodes. */
  void offset(double dx, double dy) {
    moving.setTranslateX(dx);
    moving.setTranslateY(dy);
  }

  private static void box(List<PathElement> path, NodeView n) {
    double x = n.getLayoutX();
    double y = n.getLayoutY();
    path.add(new MoveTo(x, y));
    path.add(new HLineTo(x + n.getPrefWidth()));
    path.add(new VLineTo(y + n.getPrefHeight()));
    path.add(new HLineTo(x));
    path.add(new ClosePath());
  }
}
