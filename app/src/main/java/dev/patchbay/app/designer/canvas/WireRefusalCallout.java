package dev.patchbay.app.designer.canvas;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;

/**
 * While a wire is dragged: why the port under the pointer would refuse it, written next to that
 * port, where the eye is (the status bar is far away). It lives in the view's own pixels, above
 * the drawing, so it reads the same at any zoom.
 */
final class WireRefusalCallout extends Label {
  private static final double GAP = 12;
  private static final double MARGIN = 4;

  WireRefusalCallout() {
    setId("wireRefusal");
    getStyleClass().add("wire-refusal");
    setWrapText(true);
    setMaxWidth(340);
    setManaged(false);
    setMouseTransparent(true);
    setVisible(false);
  }

  /** Shows the reason beside the port at {@code port} (the view's pixels), inside a view this wide. */
  void show(String reason, Point2D port, double viewWidth) {
    setText(reason);
    setVisible(true);
    applyCss();
    autosize();
    double x = Math.max(MARGIN, Math.min(port.getX() + GAP, viewWidth - getWidth() - MARGIN));
    double y = port.getY() - getHeight() - GAP;
    relocate(x, y < MARGIN ? port.getY() + GAP : y);
    toFront();
  }

  void hide() {
    setVisible(false);
    setText("");
  }
}
