package dev.patchbay.app.designer.canvas.gesture;

import dev.patchbay.app.designer.canvas.CanvasView;
import javafx.geometry.Point2D;

/** Dragging with the middle or right button: the view slides; the model is not touched. */
public final class PanGesture implements Gesture {
  private final CanvasView canvas;
  private final Point2D startOffset;
  private final Point2D startScreen;

  /** {@code screen} is the press point in the canvas's own pixels. */
  public PanGesture(CanvasView canvas, Point2D screen) {
    this.canvas = canvas;
    this.startOffset = canvas.panOffset();
    this.startScreen = screen;
  }

  @Override
  public void drag(Point2D at, Point2D screen) {
    canvas.setPanOffset(startOffset.add(screen.subtract(startScreen)));
  }

  @Override
  public void release(Point2D at, Point2D screen) {
    drag(at, screen);
  }

  @Override
  public void cancel() {
    canvas.setPanOffset(startOffset);
  }
}
