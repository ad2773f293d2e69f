package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;

/**
 * Where pasted or duplicated copies go: the whole group moves by one offset, so the copies keep
 * their arrangement, to the first place beside the originals where no copy overlaps an element.
 * A fixed diagonal step of 40 units left a copied guest (160 wide) mostly under its original, and a
 * second Duplicate of the same element exactly on the first copy.
 */
final class CopyPlacement {
  private static final double GAP = 2 * NodeGeometry.GRID;
  private static final int TRIES = 24;

  private CopyPlacement() {}

  /** The offset for the clip's copies: right of the group, else below it, else further out. */
  static Point freeOffset(Clip clip, Topology target) {
    List<Bounds> originals = boxes(clip, 0, 0);
    if (originals.isEmpty()) {
      return new Point(GAP, GAP);
    }
    Bounds group = union(originals);
    double stepX = NodeGeometry.snap(group.getWidth() + GAP);
    double stepY = NodeGeometry.snap(group.getHeight() + GAP);
    List<Bounds> taken = new ArrayList<>();
    for (Element e : target.elements()) {
      Point q = Positions.of(target, e.id());
      taken.add(new BoundingBox(q.x(), q.y(), NodeGeometry.width(e), NodeGeometry.height(e)));
    }
    for (int i = 1; i <= TRIES; i++) {
      // Right of the group first (i steps out), then below it, then diagonally.
      for (Point p : List.of(new Point(i * stepX, 0), new Point(0, i * stepY), new Point(i * stepX, i * stepY))) {
        if (free(boxes(clip, p.x(), p.y()), taken)) {
          return p;
        }
      }
    }
    return new Point(stepX, 0);
  }

  private static boolean free(List<Bounds> copies, List<Bounds> taken) {
    for (Bounds c : copies) {
      Bounds padded = new BoundingBox(c.getMinX() - NodeGeometry.GRID / 2, c.getMinY() - NodeGeometry.GRID / 2,
          c.getWidth() + NodeGeometry.GRID, c.getHeight() + NodeGeometry.GRID);
      for (Bounds t : taken) {
        if (padded.intersects(t)) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<Bounds> boxes(Clip clip, double dx, double dy) {
    List<Bounds> out = new ArrayList<>();
    for (Element e : clip.elements()) {
      Point p = clip.positions().getOrDefault(e.id(), new Point(0, 0));
      out.add(new BoundingBox(p.x() + dx, p.y() + dy, NodeGeometry.width(e), NodeGeometry.height(e)));
    }
    return out;
  }

  private static Bounds union(List<Bounds> boxes) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Bounds b : boxes) {
      minX = Math.min(minX, b.getMinX());
      minY = Math.min(minY, b.getMinY());
      maxX = Math.max(maxX, b.getMaxX());
      maxY = Math.max(maxY, b.getMaxY());
    }
    return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
  }
}
