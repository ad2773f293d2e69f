package dev.patchbay.model.topology;

/** A position on the canvas, in canvas units (1 unit = 1 pixel at 100% zoom). */
public record Point(double x, double y) {
  public Point translate(double dx, double dy) {
    return new Point(x + dx, y + dy);
  }
}
