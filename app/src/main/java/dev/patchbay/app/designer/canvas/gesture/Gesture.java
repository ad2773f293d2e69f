package dev.patchbay.app.designer.canvas.gesture;

import javafx.geometry.Point2D;

/**
 * One mouse gesture from press to release. It changes only the view while it runs and pushes at
 * most one command when it ends; Escape cancels it and leaves the model untouched.
 */
public interface Gesture {
  /**
   * The mouse moved with the button down.
   *
   * @param at the pointer in canvas units
   * @param screen the pointer in the canvas view's own pixels (for panning)
   */
  void drag(Point2D at, Point2D screen);

  /** The button came up: commit. */
  void release(Point2D at, Point2D screen);

  /** Escape: undo whatever the view shows and push nothing. */
  void cancel();
}
