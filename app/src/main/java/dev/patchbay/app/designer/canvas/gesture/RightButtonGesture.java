package dev.patchbay.app.designer.canvas.gesture;

import dev.patchbay.app.designer.canvas.CanvasView;
import javafx.geometry.Point2D;

/**
 * A press of the right button: dragging it pans the view (as the middle button does), releasing it
 * where it was pressed is a click that asks for a context menu. A hand's jitter of a few pixels is
 * still a click; past that the view pans from the press point, so a pan loses no distance.
 */
final class RightButtonGesture implements Gesture {
  /** How far, in pixels, the pointer may move for the press and release to be a click. */
  static final double CLICK_SLOP = 4;
  private final PanGesture pan;
  private final Point2D pressed;
  private final Runnable click;
  private boolean panning;

  /** {@code screen} is the press point in the canvas's own pixels; {@code click} runs on a release without a drag. */
  RightButtonGesture(CanvasView canvas, Point2D screen, Runnable click) {
    this.pan = new PanGesture(canvas, screen);
    this.pressed = screen;
    this.click = click;
  }

  @Override
  public void drag(Point2D at, Point2D screen) {
    panning |= screen.distance(pressed) > CLICK_SLOP;
    if (panning) {
      pan.drag(at, screen);
    }
  }

  @Override
  public void release(Point2D at, Point2D screen) {
    drag(at, screen);
    if (panning) {
      pan.release(at, screen);
    } else {
      click.run();
    }
  }

  @Override
  public void cancel() {
    pan.cancel();
  }
}
