package dev.patchbay.model.importer.core;

import dev.patchbay.model.importer.ForeignPositions;
import dev.patchbay.model.topology.Point;

/**
 * Canvas positions from a CORE file, pixels or map coordinates, by the rule every importer follows
 * ({@link ForeignPositions}): a value that is not a finite number, or lies far outside any canvas,
 * gives no position (the element is laid out) rather than a canvas a mile wide.
 */
final class Positions {
  /** CORE's GUI default origin and scale (metres per 100 pixels) when a file gives none. */
  static final double DEFAULT_LAT = 47.5791667;
  static final double DEFAULT_LON = -122.132322;
  static final double DEFAULT_SCALE = 150.0;

  private Positions() {}

  static Point pixel(String x, String y) {
    return ForeignPositions.point(x, y).orElse(null);
  }

  /**
   * A map position turned back into pixels around the scenario's origin: metres east and south of
   * it, 100 pixels per {@code scale} metres. A flat-earth approximation, close enough at the size of
   * a lab (CORE itself converts through UTM).
   */
  static Point gps(String lat, String lon, Origin origin) {
    Double la = number(lat);
    Double lo = number(lon);
    if (la == null || lo == null) {
      return null;
    }
    double east = (lo - origin.lon()) * 111_320 * Math.cos(Math.toRadians(origin.lat()));
    double south = (origin.lat() - la) * 110_574;
    double px = origin.x() + east * 100 / origin.scale();
    double py = origin.y() + south * 100 / origin.scale();
    return ForeignPositions.fits(px) && ForeignPositions.fits(py) ? new Point(Math.rint(px), Math.rint(py)) : null;
  }

  /** Where pixel (x, y) lies on the map, and how many metres 100 pixels are. */
  record Origin(double lat, double lon, double scale, double x, double y) {
    static Origin defaults() {
      return new Origin(DEFAULT_LAT, DEFAULT_LON, DEFAULT_SCALE, 0, 0);
    }
  }

  static Double number(String text) {
    return ForeignPositions.coordinate(text).orElse(null);
  }
}
