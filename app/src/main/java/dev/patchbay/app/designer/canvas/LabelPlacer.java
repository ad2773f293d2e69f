package dev.patchbay.app.designer.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

/**
 * Finds a place for each counter label of a running lab near the middle of its wire and clear of
 * every box (with the ports on its edges) and of the labels placed before it: on the wire, the middle
 * first and then points further along it either way; failing those, the same points moved sideways
 * off the wire a half label height at a time (a short wire between two boxes). The boxes are
 * kept in a grid of cells so a label looks only at the boxes near it.
 */
final class LabelPlacer {
  /** Where along a wire a label may sit (0 and 1 are its ends), nearest the middle first. */
  static final double[] ALONG = {0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82};
  /** Room kept around a box: a port's radius, grown half again as a wire target, and a margin. */
  /** How many half label heights a label may move sideways off its wire, when nearer places are taken. */
  static final int SIDEWAYS = 8;
  static final double BOX_MARGIN = PortView.RADIUS * 1.5 + 3;
  private static final double LABEL_MARGIN = 3;
  private static final double CELL = 200;
  private final Map<Long, List<Bounds>> cells = new HashMap<>();

  /** A box (canvas units) no label may cover. */
  void avoidBox(double x, double y, double w, double h) {
    add(new BoundingBox(x - BOX_MARGIN, y - BOX_MARGIN, w + 2 * BOX_MARGIN, h + 2 * BOX_MARGIN));
  }

  /**
   * The centre for a label of this size on the wire whose points {@code along} gives (t from 0 to 1):
   * the first candidate that covers nothing, or the middle when every one does. The label's place
   * is then taken.
   */
  Point2D place(DoubleFunction<Point2D> along, double w, double h) {
    Point2D chosen = null;
    double step = h / 2 + 4;
    for (int k = 0; k <= SIDEWAYS && chosen == null; k++) {
      for (double t : ALONG) {
        chosen = firstFree(along, t, k * step, w, h);
        if (chosen != null) {
          break;
        }
      }
    }
    Point2D at = chosen != null ? chosen : along.apply(0.5);
    Bounds b = box(at, w, h);
    add(new BoundingBox(b.getMinX() - LABEL_MARGIN, b.getMinY() - LABEL_MARGIN, w + 2 * LABEL_MARGIN, h + 2 * LABEL_MARGIN));
    return at;
  }

  /** The point {@code off} to either side of the wire at t, if a label there covers nothing. */
  private Point2D firstFree(DoubleFunction<Point2D> along, double t, double off, double w, double h) {
    Point2D p = along.apply(t);
    Point2D q = along.apply(Math.min(1, t + 0.02));
    Point2D normal = new Point2D(p.getY() - q.getY(), q.getX() - p.getX());
    normal = normal.magnitude() == 0 ? new Point2D(0, 1) : normal.normalize();
    for (Point2D c : off == 0 ? new Point2D[] {p} : new Point2D[] {p.subtract(normal.multiply(off)), p.add(normal.multiply(off))}) {
      if (free(box(c, w, h))) {
        return c;
      }
    }
    return null;
  }

  private static Bounds box(Point2D centre, double w, double h) {
    return new BoundingBox(centre.getX() - w / 2, centre.getY() - h / 2, w, h);
  }

  private boolean free(Bounds b) {
    for (long key : keys(b)) {
      for (Bounds o : cells.getOrDefault(key, List.of())) {
        if (o.intersects(b)) {
          return false;
        }
      }
    }
    return true;
  }

  private void add(Bounds b) {
    for (long key : keys(b)) {
      cells.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
    }
  }

  private static List<Long> keys(Bounds b) {
    List<Long> out = new ArrayList<>();
    for (long i = (long) Math.floor(b.getMinX() / CELL); i <= (long) Math.floor(b.getMaxX() / CELL); i++) {
      for (long j = (long) Math.floor(b.getMinY() / CELL); j <= (long) Math.floor(b.getMaxY() / CELL); j++) {
        out.add(i * 1_000_003L + j);
      }
    }
    return out;
  }
}
