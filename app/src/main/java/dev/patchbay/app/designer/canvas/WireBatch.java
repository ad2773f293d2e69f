package dev.patchbay.app.designer.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.scene.Group;
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
  private final Group layer;

  /** Batches the plain wires held by {@code layer} (the wires of a drag under way are elsewhere). */
  WireBatch(Group layer) {
    this.layer = layer;
    getStyleClass().add("wire-batch");
    setMouseTransparent(true);
  }

  void redraw(Collection<LinkView> wires) {
    List<PathElement> path = new ArrayList<>(wires.size() * 2);
    for (LinkView w : wires) {
      if (w.getParent() != layer) {
        continue; // dragged: DragLayers decides who paints it
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
