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
  WireBatch() {
    getStyleClass().add("wire-batch");
    setMouseTransparent(true);
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
        w.appendCurve(path);
      }
    }
    getElements().setAll(path);
  }
}
