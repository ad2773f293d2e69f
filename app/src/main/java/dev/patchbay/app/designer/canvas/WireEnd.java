package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.layout.Geometry.Side;
import javafx.geometry.Point2D;

/** Where a wire ends (a port's centre, in canvas units) and the side of the box that port is on. */
public record WireEnd(Point2D at, Side side) {
  /** The least reach of a curve's control point out of its port, in canvas units. */
  private static final double REACH = 30;

  /**
   * The control point of a curve leaving this end towards {@code other}: straight out of the port's
   * side, by half the distance along that axis (at least {@link #REACH}), so the wire meets its port
   * at a right angle to the box's edge.
   */
  public Point2D control(Point2D other) {
    return switch (side) {
      case WEST -> at.add(-reach(other.getX() - at.getX()), 0);
      case EAST -> at.add(reach(other.getX() - at.getX()), 0);
      case NORTH -> at.add(0, -reach(other.getY() - at.getY()));
      case SOUTH -> at.add(0, reach(other.getY() - at.getY()));
    };
  }

  private static double reach(double along) {
    return Math.max(REACH, Math.abs(along) / 2);
  }
}
