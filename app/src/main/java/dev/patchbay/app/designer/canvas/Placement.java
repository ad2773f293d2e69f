package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;

/** Finds a place for a new element at or below the wanted point where it overlaps no other box. */
final class Placement {
  private static final double GAP = NodeGeometry.GRID;
  private final Topology topology;

  Placement(Topology topology) {
    this.topology = topology;
  }

  Point freeNear(Element e, Point wanted) {
    Point p = new Point(Math.max(0, wanted.x()), Math.max(0, wanted.y()));
    for (int i = 0; i < 200 && overlaps(e, p); i++) {
      p = p.translate(0, GAP);
    }
    return p;
  }

  private boolean overlaps(Element e, Point p) {
    Bounds mine = new BoundingBox(p.x() - GAP / 2, p.y() - GAP / 2,
        NodeGeometry.width(e) + GAP, NodeGeometry.height(e) + GAP);
    for (Element other : topology.elements()) {
      Point q = Positions.of(topology, other.id());
      if (mine.intersects(q.x(), q.y(), NodeGeometry.width(other), NodeGeometry.height(other))) {
        return true;
      }
    }
    return false;
  }
}
