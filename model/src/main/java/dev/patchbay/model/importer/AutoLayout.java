package dev.patchbay.model.importer;

import dev.patchbay.model.layout.Geometry;
import dev.patchbay.model.layout.LayeredLayout;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Positions for elements a file did not place, and for Arrange > Auto Layout and
 * {@code patchbay layout}: the layered layout of {@link LayeredLayout} (left to right from the
 * outside world through the host box to the guests), moved onto the canvas.
 */
public final class AutoLayout {
  /** Where a layout's top-left corner goes: clear of the canvas's edge. */
  static final double MARGIN = 40;
  /** How far below the placed elements the ones laid out beside them start. */
  static final double BELOW = 100;

  private AutoLayout() {}

  /** Lays out every element. */
  public static void apply(Topology t) {
    arranged(t).get().forEach(t::move);
  }

  /**
   * Lays out only the elements without a position, leaving the placed ones where they are: the
   * new ones, laid out among themselves, go below everything placed.
   */
  public static void placeUnplaced(Topology t) {
    Set<String> unplaced = t.elements().stream().map(Element::id).filter(id -> t.position(id).isEmpty())
        .collect(Collectors.toSet());
    if (unplaced.isEmpty()) {
      return;
    }
    if (unplaced.size() == t.elements().size()) {
      apply(t);
      return;
    }
    Point at = new Point(placedLeft(t), placedBottom(t) + BELOW);
    moved(LayeredLayout.of(t, unplaced::contains).positions(), at).forEach(t::move);
  }

  /**
   * Where {@link #apply} would put every element, read from the topology now and computed when
   * the supplier is called, on any thread (see {@link LayeredLayout#prepare}).
   */
  public static Supplier<Map<String, Point>> arranged(Topology t) {
    Supplier<LayeredLayout.Arrangement> layout = LayeredLayout.prepare(t, id -> true);
    return () -> moved(layout.get().positions(), new Point(MARGIN, MARGIN));
  }

  private static Map<String, Point> moved(Map<String, Point> positions, Point to) {
    Map<String, Point> out = new LinkedHashMap<>();
    // Whole canvas units: a file keeps short numbers, and the boxes' edges stay crisp.
    positions.forEach((id, p) -> out.put(id, new Point(Math.round(to.x() + p.x()), Math.round(to.y() + p.y()))));
    return out;
  }

  private static double placedLeft(Topology t) {
    return t.layout().values().stream().mapToDouble(Point::x).min().orElse(MARGIN);
  }

  private static double placedBottom(Topology t) {
    double bottom = 0;
    for (Element e : t.elements()) {
      Point p = t.position(e.id()).orElse(null);
      if (p != null) {
        bottom = Math.max(bottom, p.y() + Geometry.height(e));
      }
    }
    return bottom;
  }
}
