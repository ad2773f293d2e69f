package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;

/**
 * Sizes of the boxes the canvas draws, in canvas units. Shared by the views and by the view model,
 * which places new elements where they overlap nothing.
 */
public final class NodeGeometry {
  public static final double GRID = 20;
  public static final double DEVICE_WIDTH = 136;
  public static final double DEVICE_HEIGHT = 56;
  public static final double GUEST_WIDTH = 180;
  public static final double GUEST_HEADER = 34;
  public static final double NIC_ROW = 30;

  private NodeGeometry() {}

  public static double width(Element e) {
    return e instanceof Guest ? GUEST_WIDTH : DEVICE_WIDTH;
  }

  public static double height(Element e) {
    if (e instanceof Guest g) {
      return GUEST_HEADER + NIC_ROW * Math.max(1, g.nics().size()) + 6;
    }
    return DEVICE_HEIGHT;
  }

  public static double snap(double v) {
    return Math.round(v / GRID) * GRID;
  }
}
