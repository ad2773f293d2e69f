package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.layout.Geometry;
import dev.patchbay.model.topology.Element;

/**
 * Sizes of the boxes the canvas draws, in canvas units: the model's {@link Geometry} (which the
 * automatic layout uses too), and the canvas's grid. Shared by the views and by the view model,
 * which places new elements where they overlap nothing.
 */
public final class NodeGeometry {
  public static final double GRID = 20;
  public static final double DEVICE_WIDTH = Geometry.DEVICE_WIDTH;
  public static final double DEVICE_HEIGHT = Geometry.DEVICE_HEIGHT;
  public static final double GUEST_WIDTH = Geometry.GUEST_WIDTH;
  public static final double GUEST_HEADER = Geometry.GUEST_HEADER;
  public static final double NIC_ROW = Geometry.NIC_ROW;

  private NodeGeometry() {}

  public static double width(Element e) {
    return Geometry.width(e);
  }

  public static double height(Element e) {
    return Geometry.height(e);
  }

  public static double snap(double v) {
    return Math.round(v / GRID) * GRID;
  }
}
