package dev.patchbay.model.importer;

import dev.patchbay.model.topology.Point;
import java.util.Optional;

/**
 * The one rule for a canvas position another tool's file gives: both coordinates finite numbers
 * within {@value #LIMIT} of the origin, far beyond any tool's canvas. Anything else is no position
 * (the element is laid out when the import finishes) rather than NaN in the design or a canvas a
 * mile wide that one hostile coordinate would force on the layout. The caller says whether a
 * dropped position is worth a warning.
 */
public final class ForeignPositions {
  public static final double LIMIT = 1_000_000;

  private ForeignPositions() {}

  /** Whether the coordinate is finite and within the limit. */
  public static boolean fits(double coordinate) {
    return Double.isFinite(coordinate) && Math.abs(coordinate) <= LIMIT;
  }

  /** The number the text writes, when it is a coordinate that {@link #fits}. */
  public static Optional<Double> coordinate(String text) {
    try {
      double v = Double.parseDouble(text == null ? "" : text.strip());
      return fits(v) ? Optional.of(v) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The point (x, y) when both texts are coordinates that fit; none otherwise. */
  public static Optional<Point> point(String x, String y) {
    return coordinate(x).flatMap(px -> coordinate(y).map(py -> new Point(px, py)));
  }
}
