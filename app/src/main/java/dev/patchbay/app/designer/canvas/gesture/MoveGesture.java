package dev.patchbay.app.designer.canvas.gesture;

import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.canvas.NodeView;
import java.util.Set;
import javafx.geometry.Point2D;

/** Dragging selected nodes: they follow the mouse; the release pushes one move command. */
public final class MoveGesture implements Gesture {
  private static final double SLOP = 2;
  private final CanvasView canvas;
  private final CanvasViewModel vm;
  private final Set<String> ids;
  private final Point2D start;

  public MoveGesture(CanvasView canvas, CanvasViewModel vm, Set<String> ids, Point2D start) {
    this.canvas = canvas;
    this.vm = vm;
    this.ids = Set.copyOf(ids);
    this.start = start;
  }

  @Override
  public void drag(Point2D at, Point2D screen) {
    Point2D d = at.subtract(start);
    for (String id : ids) {
      NodeView n = canvas.node(id);
      if (n != null) {
        n.setTranslateX(d.getX());
        n.setTranslateY(d.getY());
      }
    }
    canvas.refreshGeometry(ids);
  }

  @Override
  public void release(Point2D at, Point2D screen) {
    Point2D d = at.subtract(start);
    resetView();
    if (Math.abs(d.getX()) > SLOP || Math.abs(d.getY()) > SLOP) {
      vm.moveBy(ids, d.getX(), d.getY());
    }
  }

  @Override
  public void cancel() {
    resetView();
  }

  private void resetView() {
    for (String id : ids) {
      NodeView n = canvas.node(id);
      if (n != null) {
        n.setTranslateX(0);
        n.setTranslateY(0);
      }
    }
    canvas.refreshGeometry(ids);
  }
}
