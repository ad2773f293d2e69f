package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;

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
    return t.position(id).orElseGet(() -> {
      int i = Math.max(0, t.indexOf(id));
      return new Point(40 + (i % COLUMNS) * COLUMN_WIDTH, 60 + (i / COLUMNS) * ROW_HEIGHT);
    });
  }
}
