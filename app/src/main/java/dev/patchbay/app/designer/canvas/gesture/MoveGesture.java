package dev.patchbay.app.designer.canvas.gesture;

import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
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
    // Lifted on the first drag, not on press: a plain click on a node moves nothing.
    canvas.beginMove(ids);
    Point2D d = at.subtract(start);
    canvas.dragMovedBy(d.getX(), d.getY());
  }

  @Override
  /** A move re-routes the moved wires itself (once the command is done): not routed back first. */
  public void release(Point2D at, Point2D screen) {
    Point2D d = at.subtract(start);
    canvas.endMove();
    boolean moved = (Math.abs(d.getX()) > SLOP || Math.abs(d.getY()) > SLOP) && vm.moveBy(ids, d.getX(), d.getY());
    if (!moved) {
      canvas.refreshGeometry(ids);
    }
  }

  @Override
  public void cancel() {
    resetView();
  }

  private void resetView() {
    canvas.endMove();
    canvas.refreshGeometry(ids);
  }
}
