package dev.patchbay.app.designer.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/**
 * Every plain wire (not selected, flagged, cut or showing live counters) painted as one path.
 * In software rendering each shape costs a pass over the rows of its bounding box, and a long wire
 * has a large one: 3,000 wires drawn one by one cost most of a frame, one path of 3,000 curves
 * costs one pass. Each {@link LinkView} keeps its own curve for picking and for the looks of the
 * states it can take; it paints it itself only when it is not plain, or while it is dragged.
 */
final class WireBatch extends Path {
  /** A wire's width in canvas units in full detail (the width of {@code .link .wire}). */
  static final double WIDTH = 2;
  private boolean overview;

  WireBatch() {
    getStyleClass().add("wire-batch");
    setMouseTransparent(true);
    look(this, false, 1);
  }

  /**
   * How a shared path of wires is drawn: in full detail as curves of {@link #WIDTH}, smoothed; in an
   * overview as straight lines one pixel wide, not smoothed. At 20% zoom a smoothed wire is 0.4 px of
   * grey and 2,000 smoothed curves cost ~25 ms of a software frame; plain one-pixel lines cost ~4 ms.
   * The width is in code, not in the style sheet, because it follows the zoom.
   */
  static void look(Path p, boolean overview, double zoom) {
    p.setSmooth(!overview);
    p.setStrokeWidth(overview ? 1 / zoom : WIDTH);
  }

  /** Draws in full detail or as an overview at this zoom; the caller redraws. */
  void setOverview(boolean on, double zoom) {
    overview = on;
    look(this, on, zoom);
  }

  /** Paints the plain wires but the {@code dragged} ones (a drag under way paints those). */
  void redraw(Collection<LinkView> wires, Set<LinkView> dragged) {
    List<PathElement> path = new ArrayList<>(wires.size() * 2);
    for (LinkView w : wires) {
      if (dragged.contains(w)) {
        continue;
      }
      boolean batched = w.isPlain();
      w.setBatched(batched);
      if (batched) {
        w.appendCurve(path, overview);
      }
    }
    getElements().setAll(path);
  }
}
