package dev.patchbay.app.designer.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

/**
 * During a drag, the plain wires with one end dragged, painted as one path whose points are moved
 * in place each frame (no new path elements per frame). Drawn one by one, 300 long wires cost a
 * software frame ~100 ms (each shape is a pass over the rows of its bounding box); as one path,
 * one pass. Their own curves are hidden meanwhile and routed again when the drag ends.
 */
final class StretchedWires extends Path {
  private final List<LinkView> wires = new ArrayList<>();

  private boolean overview;

  StretchedWires() {
    getStyleClass().add("wire-batch");
    setMouseTransparent(true);
    WireBatch.look(this, false, 1);
  }

  /** Straight lines in an overview, curves otherwise (see {@link WireBatch#look}); the caller routes again. */
  void setOverview(boolean on, double zoom) {
    WireBatch.look(this, on, zoom);
    if (on != overview) {
      overview = on;
      setWires(List.copyOf(wires));
    }
  }

  void setWires(List<LinkView> plain) {
    wires.clear();
    wires.addAll(plain);
    List<javafx.scene.shape.PathElement> path = new ArrayList<>(plain.size() * 2);
    for (int i = 0; i < plain.size(); i++) {
      path.add(new MoveTo());
      path.add(overview ? new LineTo() : new CubicCurveTo());
    }
    getElements().setAll(path);
  }

  List<LinkView> wires() {
    return wires;
  }

  /** The {@code i}-th wire now runs from a to b, shaped like {@link LinkView#setEnds}. */
  void route(int i, WireEnd a, WireEnd b) {
    MoveTo m = (MoveTo) getElements().get(2 * i);
    m.setX(a.at().getX());
    m.setY(a.at().getY());
    if (getElements().get(2 * i + 1) instanceof LineTo line) {
      line.setX(b.at().getX());
      line.setY(b.at().getY());
      return;
    }
    CubicCurveTo c = (CubicCurveTo) getElements().get(2 * i + 1);
    Point2D c1 = a.control(b.at());
    Point2D c2 = b.control(a.at());
    c.setControlX1(c1.getX());
    c.setControlY1(c1.getY());
    c.setControlX2(c2.getX());
    c.setControlY2(c2.getY());
    c.setX(b.at().getX());
    c.setY(b.at().getY());
  }
}
