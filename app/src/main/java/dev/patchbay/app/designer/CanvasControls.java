package dev.patchbay.app.designer;

import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.palette.PaletteView;
import javafx.geometry.Point2D;

/** What the View actions and Escape act on: the canvas's viewport and a gesture under way. */
final class CanvasControls {
  private static final double ZOOM_IN = 1.25;
  private static final double ZOOM_OUT = 0.8;
  private final CanvasView canvas;
  private final PaletteView palette;

  CanvasControls(CanvasView canvas, PaletteView palette) {
    this.canvas = canvas;
    this.palette = palette;
  }

  /** Zooms around the middle of the canvas (the wheel zooms around the pointer). */
  void zoomIn() {
    canvas.zoomBy(ZOOM_IN, centre());
  }

  void zoomOut() {
    canvas.zoomBy(ZOOM_OUT, centre());
  }

  void fitToWindow() {
    canvas.fitToWindow();
  }

  /** Escape: a wire, a move, a marquee or a drag from the palette ends and leaves nothing behind. */
  void cancelGestures() {
    canvas.cancelGesture();
    palette.cancelGesture();
  }

  private Point2D centre() {
    return new Point2D(canvas.getWidth() / 2, canvas.getHeight() / 2);
  }
}
