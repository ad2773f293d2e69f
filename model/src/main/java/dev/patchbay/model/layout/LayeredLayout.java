package dev.patchbay.model.layout;

import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Lays a topology out with Eclipse ELK's layered algorithm, left to right the way a frame travels
 * from the outside world through the host to a guest: every element a box of the size the
 * designer draws, every wire between the ports the designer draws (guests take wires on their
 * left, devices give them on their right), wires routed orthogonally, and the host box and each
 * bridge's box compound nodes, so that host interfaces stay together inside the host box, a
 * bridge's interfaces inside its box, and nothing else inside either.
 */
public final class LayeredLayout {
  private LayeredLayout() {}

  /**
   * Where each element goes (top-left corners, the layout's top-left corner at 0,0, in element
   * order) and the route each wire took, by link id: from the link's first end to its second, each
   * end on its port.
   */
  public record Arrangement(Map<String, Point> positions, Map<String, List<Point>> wires) {}

  public static Arrangement of(Topology t) {
    return of(t, id -> true);
  }

  /** The elements {@code within} accepts and the links between them, laid out now. */
  public static Arrangement of(Topology t, Predicate<String> within) {
    return prepare(t, within).get();
  }

  /**
   * Reads the topology now (on the thread that owns it) and lays it out when asked, on any
   * thread: a large design's layout takes a while, and the topology may not be read meanwhile.
   */
  public static Supplier<Arrangement> prepare(Topology t, Predicate<String> within) {
    ElkGraph graph = ElkGraph.build(t, within);
    return graph::layout;
  }
}
