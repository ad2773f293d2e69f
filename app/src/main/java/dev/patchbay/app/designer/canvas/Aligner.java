package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.edit.Command;
import dev.patchbay.model.edit.MoveCommand;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Lines up elements on the first selected one's edge or centre, as one move. */
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
    if (from.size() < 2) {
      return Optional.empty();
    }
    String anchorId = from.keySet().iterator().next();
    Element anchor = topology.element(anchorId).orElseThrow();
    Point a = from.get(anchorId);
    Map<String, Point> to = new LinkedHashMap<>();
    from.forEach((id, p) -> to.put(id, aligned(topology.element(id).orElseThrow(), p, anchor, a, how)));
    return to.equals(from) ? Optional.empty() : Optional.of(new MoveCommand(from, to, false));
  }

  private static Point aligned(Element e, Point p, Element anchor, Point a, Alignment how) {
    return switch (how) {
      case LEFT -> new Point(a.x(), p.y());
      case TOP -> new Point(p.x(), a.y());
      case CENTER_HORIZONTAL -> new Point(p.x(),
          a.y() + NodeGeometry.height(anchor) / 2 - NodeGeometry.height(e) / 2);
      case CENTER_VERTICAL -> new Point(a.x() + NodeGeometry.width(anchor) / 2 - NodeGeometry.width(e) / 2, p.y());
    };
  }
}
