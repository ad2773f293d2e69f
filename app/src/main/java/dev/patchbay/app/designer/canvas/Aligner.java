package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.edit.Command;
import dev.patchbay.model.edit.MoveCommand;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lines up elements on the first selected one's edge or centre, or spaces them evenly between the
 * outermost two, as one move.
 */
final class Aligner {
  private final Topology topology;

  Aligner(Topology topology) {
    this.topology = topology;
  }

  Optional<Command> command(Set<String> ids, Alignment how) {
    Map<String, Point> from = new LinkedHashMap<>();
    for (Element e : topology.elements()) {
      if (ids.contains(e.id())) {
        from.put(e.id(), Positions.of(topology, e.id()));
      }
    }
    if (from.size() < (how.distributes() ? 3 : 2)) {
      return Optional.empty();
    }
    Map<String, Point> to = how.distributes() ? distributed(from, how == Alignment.DISTRIBUTE_HORIZONTAL)
        : aligned(from, how);
    return to.equals(from) ? Optional.empty() : Optional.of(new MoveCommand(from, to, false));
  }

  private Map<String, Point> aligned(Map<String, Point> from, Alignment how) {
    String anchorId = from.keySet().iterator().next();
    Element anchor = topology.element(anchorId).orElseThrow();
    Point a = from.get(anchorId);
    Map<String, Point> to = new LinkedHashMap<>();
    from.forEach((id, p) -> to.put(id, aligned(topology.element(id).orElseThrow(), p, anchor, a, how)));
    return to;
  }

  private static Point aligned(Element e, Point p, Element anchor, Point a, Alignment how) {
    return switch (how) {
      case LEFT -> new Point(a.x(), p.y());
      case TOP -> new Point(p.x(), a.y());
      case CENTER_HORIZONTAL -> new Point(p.x(),
          a.y() + NodeGeometry.height(anchor) / 2 - NodeGeometry.height(e) / 2);
      case CENTER_VERTICAL -> new Point(a.x() + NodeGeometry.width(anchor) / 2 - NodeGeometry.width(e) / 2, p.y());
      case DISTRIBUTE_HORIZONTAL, DISTRIBUTE_VERTICAL -> p;
    };
  }

  /**
   * The outermost two stay; the ones between move along one axis so the gaps between neighbouring
   * boxes are equal (boxes differ in size: a guest is wider than a tap). When they overlap too much
   * for that, their centres are spaced evenly instead.
   */
  private Map<String, Point> distributed(Map<String, Point> from, boolean horizontal) {
    List<String> order = new ArrayList<>(from.keySet());
    order.sort(Comparator.comparingDouble(id -> horizontal ? from.get(id).x() : from.get(id).y()));
    double start = along(from.get(order.get(0)), horizontal);
    String lastId = order.get(order.size() - 1);
    double end = along(from.get(lastId), horizontal) + size(lastId, horizontal);
    double sizes = order.stream().mapToDouble(id -> size(id, horizontal)).sum();
    double gap = (end - start - sizes) / (order.size() - 1);
    Map<String, Point> to = new LinkedHashMap<>(from);
    if (gap >= 0) {
      double at = start;
      for (String id : order) {
        to.put(id, moved(from.get(id), at, horizontal));
        at += size(id, horizontal) + gap;
      }
    } else {
      double first = start + size(order.get(0), horizontal) / 2;
      double step = (end - size(lastId, horizontal) / 2 - first) / (order.size() - 1);
      for (int i = 0; i < order.size(); i++) {
        String id = order.get(i);
        to.put(id, moved(from.get(id), first + i * step - size(id, horizontal) / 2, horizontal));
      }
    }
    return to;
  }

  private static double along(Point p, boolean horizontal) {
    return horizontal ? p.x() : p.y();
  }

  private double size(String id, boolean horizontal) {
    Element e = topology.element(id).orElseThrow();
    return horizontal ? NodeGeometry.width(e) : NodeGeometry.height(e);
  }

  private static Point moved(Point p, double at, boolean horizontal) {
    return horizontal ? new Point(at, p.y()) : new Point(p.x(), at);
  }
}
