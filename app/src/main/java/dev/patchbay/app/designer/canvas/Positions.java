package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;

/**
 * Where an element is drawn: its saved position, or for a file written without a layout a place on
 * a grid by its order in the file. A function of the model, so the canvas keeps no state of its own;
 * the first move of such an element saves a real position.
 */
public final class Positions {
  private static final int COLUMNS = 5;
  private static final double COLUMN_WIDTH = 220;
  private static final double ROW_HEIGHT = 140;

  private Positions() {}

  public static Point of(Topology t, String id) {
    return t.position(id).orElseGet(() -> onGrid(Math.max(0, t.indexOf(id))));
  }

  private static Point onGrid(int i) {
    return new Point(40 + (i % COLUMNS) * COLUMN_WIDTH, 60 + (i / COLUMNS) * ROW_HEIGHT);
  }

  /**
   * Every element's place at once, as {@link #of} gives it: a whole design read one element at a
   * time looked each unplaced element's order up in a fresh copy of the element list (a 2,000-element
   * file without a layout spent ~0.2 s of its opening there).
   */
  public static Map<String, Point> all(Topology t) {
    Map<String, Point> at = new HashMap<>();
    int i = 0;
    for (Element e : t.elements()) {
      int order = i++;
      at.put(e.id(), t.position(e.id()).orElseGet(() -> onGrid(order)));
    }
    return at;
  }

  /** The canvas-unit area of the elements' boxes at these places, or null for none. */
  public static Bounds boxes(Topology t, Map<String, Point> at) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Element e : t.elements()) {
      Point p = at.get(e.id());
      minX = Math.min(minX, p.x());
      minY = Math.min(minY, p.y());
      maxX = Math.max(maxX, p.x() + NodeGeometry.width(e));
      maxY = Math.max(maxY, p.y() + NodeGeometry.height(e));
    }
    return minX > maxX ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
  }
}
