package dev.patchbay.model.layout;

import dev.patchbay.model.layout.Geometry.Port;
import dev.patchbay.model.layout.Geometry.Side;
import dev.patchbay.model.layout.LayeredLayout.Arrangement;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * A topology as an ELK graph (see {@link LayeredLayout}), and the positions and routes read back
 * from it once laid out. Wires are edges from upstream to downstream: from the end whose port faces
 * right (a device's, a socket's second side) to the end whose port faces left (a guest's NIC, a
 * socket's first side), and between two devices from the one nearer the outside world.
 */
final class ElkGraph {
  static final double NODE_GAP = 40;
  static final double LAYER_GAP = 60;
  /** How near the outside world each kind sits: the lower end of a wire between devices is upstream. */
  private static final Map<ElementKind, Integer> RANK = new EnumMap<>(Map.of(
      ElementKind.INTERNET, 0, ElementKind.LAN, 1, ElementKind.UPLINK, 2, ElementKind.BRIDGE, 3,
      ElementKind.TAP, 4, ElementKind.VDE, 5, ElementKind.USER, 5, ElementKind.SOCKET, 5,
      ElementKind.HUB, 6, ElementKind.GUEST, 7));

  private static final Logger LOG = Logger.getLogger(ElkGraph.class.getName());
  private final HostSettings settings;
  private final List<String> hostMembers;
  /** The host box's columns for {@link #grid}: each bridge with its interfaces, then the rest by eights. */
  private final List<List<String>> hostColumns = new ArrayList<>();
  private final ElkNode root = ElkGraphUtil.createGraph();
  private ElkNode hostBox;
  private final Map<String, ElkNode> nodes = new LinkedHashMap<>();
  private final Map<String, ElkPort> ports = new HashMap<>();
  private final Map<String, ElkEdge> edges = new LinkedHashMap<>();

  private ElkGraph(Topology topology, HostGroups host) {
    this.settings = topology.host();
    this.hostMembers = host.all().stream().map(Element::id).toList();
    List<String> loose = new ArrayList<>(host.loose().stream().map(Element::id).toList());
    host.bridges().forEach((bridge, members) -> {
      if (members.isEmpty()) {
        loose.add(bridge.id());
      } else {
        List<String> column = new ArrayList<>(List.of(bridge.id()));
        members.forEach(m -> column.add(m.id()));
        hostColumns.add(column);
      }
    });
    for (int i = 0; i < loose.size(); i += 8) {
      hostColumns.add(loose.subList(i, Math.min(loose.size(), i + 8)));
    }
  }

  /** The graph of the elements {@code within} accepts; reads the topology now and never again. */
  static ElkGraph build(Topology t, Predicate<String> within) {
    HostGroups host = HostGroups.of(t, within);
    ElkGraph g = new ElkGraph(t, host);
    configure(g.root, new ElkPadding(0));
    g.root.setProperty(LayeredOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    Map<String, ElkNode> parents = g.hostBoxes(host, Geometry.hostHeader(t.host(), guessHostWidth(host)));
    for (Element e : t.elements()) {
      if (within.test(e.id())) {
        g.box(e, parents.getOrDefault(e.id(), g.root));
      }
    }
    for (Link l : t.links()) {
      if (g.nodes.containsKey(l.a().element()) && g.nodes.containsKey(l.b().element())
          && !l.a().element().equals(l.b().element())) {
        g.wire(t, l);
      }
    }
    return g;
  }

  /**
   * Lays the graph out, twice when the host box came out narrower than guessed (its title wraps to
   * more lines than were reserved). Touches only the graph: it may run on any thread. Should ELK
   * fail on a graph (its hierarchical mode has known faults), the elements go on a grid instead:
   * an import of an odd file still opens, and the failure is logged.
   */
  Arrangement layout() {
    try {
      return layered();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ELK could not lay the design out; placing it on a grid", e);
      return grid();
    }
  }

  private Arrangement layered() {
    run();
    Arrangement first = read();
    if (hostBox == null) {
      return first;
    }
    double needed = Geometry.hostHeader(settings, hostWidth(first));
    if (needed <= hostBox.getProperty(LayeredOptions.PADDING).top) {
      return first;
    }
    hostBox.setProperty(LayeredOptions.PADDING,
        new ElkPadding(needed, Geometry.HOST_PAD, Geometry.HOST_PAD, Geometry.HOST_PAD));
    run();
    return read();
  }

  private void run() {
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
  }

  /**
   * The host interfaces in columns under the host box's title (a bridge and its interfaces in one,
   * apart from the next by more than the bridge box), every other element in rows of six beside them.
   */
  Arrangement grid() {
    Map<String, Point> at = new HashMap<>();
    double header = hostBox == null ? 0 : hostBox.getProperty(LayeredOptions.PADDING).top;
    double x = 0;
    for (List<String> column : hostColumns) {
      double y = header;
      double widest = Geometry.DEVICE_WIDTH;
      for (String id : column) {
        at.put(id, new Point(x, y));
        y += nodes.get(id).getHeight() + NODE_GAP;
        widest = Math.max(widest, nodes.get(id).getWidth()); // a box grows with its words
      }
      x += widest + 2 * Geometry.BRIDGE_PAD + NODE_GAP;
    }
    java.util.Set<String> inHost = new java.util.HashSet<>(hostMembers);
    List<String> rest = nodes.keySet().stream().filter(id -> !inHost.contains(id)).toList();
    rows(rest, x == 0 ? 0 : x + 2 * LAYER_GAP, 0, at);
    Map<String, Point> ordered = new LinkedHashMap<>();
    nodes.keySet().forEach(id -> ordered.put(id, at.get(id)));
    return new Arrangement(ordered, Map.of());
  }

  /** Places the boxes in rows of six, columns as wide as the widest box. */
  private void rows(List<String> ids, double left, double top, Map<String, Point> at) {
    double y = top;
    double rowHeight = 0;
    double pitch = Geometry.GUEST_WIDTH;
    for (String id : ids) {
      pitch = Math.max(pitch, nodes.get(id).getWidth());
    }
    for (int i = 0; i < ids.size(); i++) {
      if (i > 0 && i % 6 == 0) {
        y += rowHeight + NODE_GAP;
        rowHeight = 0;
      }
      at.put(ids.get(i), new Point(left + (i % 6) * (pitch + NODE_GAP), y));
      rowHeight = Math.max(rowHeight, nodes.get(ids.get(i)).getHeight());
    }
  }

  /**
   * The host box's width before a layout, on the narrow side (a taller title reserved is blank
   * canvas above the box; one too short costs a second layout): a column for the bridges, one for
   * their taps, one for the uplinks enslaved to them.
   */
  private static double guessHostWidth(HostGroups host) {
    int columns = 1;
    for (List<Element> members : host.bridges().values()) {
      boolean taps = members.stream().anyMatch(e -> e.kind() == ElementKind.TAP);
      boolean uplinks = members.stream().anyMatch(e -> e.kind() == ElementKind.UPLINK);
      columns = Math.max(columns, 1 + (taps ? 1 : 0) + (uplinks ? 1 : 0));
    }
    return columns * Geometry.DEVICE_WIDTH + (columns - 1) * LAYER_GAP + 2 * Geometry.HOST_PAD;
  }

  /** The host box's width as the canvas draws it: around its interfaces, padded. */
  private double hostWidth(Arrangement a) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (String id : hostMembers) {
      Point p = a.positions().get(id);
      min = Math.min(min, p.x());
      max = Math.max(max, p.x() + nodes.get(id).getWidth());
    }
    return max - min + 2 * Geometry.HOST_PAD;
  }

  private static void configure(ElkNode n, ElkPadding padding) {
    n.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    n.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
    n.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    n.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_GAP);
    n.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_GAP);
    n.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, NODE_GAP);
    n.setProperty(LayeredOptions.PADDING, padding);
  }

  /** The host box, each bridge box with members inside it; the compound node each element goes in. */
  private Map<String, ElkNode> hostBoxes(HostGroups host, double header) {
    Map<String, ElkNode> parents = new HashMap<>();
    if (host.isEmpty()) {
      return parents;
    }
    ElkNode box = ElkGraphUtil.createNode(root);
    hostBox = box;
    configure(box, new ElkPadding(header, Geometry.HOST_PAD, Geometry.HOST_PAD, Geometry.HOST_PAD));
    host.loose().forEach(e -> parents.put(e.id(), box));
    host.bridges().forEach((bridge, members) -> {
      ElkNode inner = box;
      if (!members.isEmpty()) {
        inner = ElkGraphUtil.createNode(box);
        configure(inner, new ElkPadding(Geometry.BRIDGE_PAD));
      }
      parents.put(bridge.id(), inner);
      for (Element m : members) {
        parents.put(m.id(), inner);
      }
    });
    return parents;
  }

  private void box(Element e, ElkNode parent) {
    ElkNode n = ElkGraphUtil.createNode(parent);
    n.setIdentifier(e.id());
    n.setDimensions(Geometry.width(e), Geometry.height(e));
    n.setProperty(LayeredOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
    nodes.put(e.id(), n);
  }

  private void wire(Topology t, Link l) {
    Element a = t.element(l.a().element()).orElseThrow();
    Element b = t.element(l.b().element()).orElseThrow();
    Port pa = Geometry.namedPort(a, l.a());
    Port pb = Geometry.namedPort(b, l.b());
    boolean aFirst = upstream(a, pa, b, pb);
    ElkPort from = port(aFirst ? a : b, aFirst ? l.a() : l.b(), aFirst ? pa : pb, Side.EAST);
    ElkPort to = port(aFirst ? b : a, aFirst ? l.b() : l.a(), aFirst ? pb : pa, Side.WEST);
    ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
    ElkGraphUtil.updateContainment(edge);
    edge.setIdentifier(l.id() + (aFirst ? "" : "<"));
    edges.put(l.id(), edge);
  }

  /** Whether the wire runs from a to b: a's port faces right or b's left, else a is nearer the outside. */
  private static boolean upstream(Element a, Port pa, Element b, Port pb) {
    Side sa = pa == null ? null : pa.side();
    Side sb = pb == null ? null : pb.side();
    if (sa == sb && sa != null) {
      return sb == Side.WEST ? b.kind() == ElementKind.GUEST : a.kind() == ElementKind.GUEST;
    }
    if (sa == Side.EAST || sb == Side.WEST) {
      return true;
    }
    if (sa == Side.WEST || sb == Side.EAST) {
      return false;
    }
    return RANK.get(a.kind()) <= RANK.get(b.kind());
  }

  /** The ELK port of a named port, or of a device's right side (wires out) or left side (wires in). */
  private ElkPort port(Element e, Endpoint end, Port named, Side free) {
    Port p = named != null ? named : free == Side.EAST ? Geometry.east(e) : Geometry.west(e);
    String key = named != null ? end.toString() : e.id() + (free == Side.EAST ? ">out" : ">in");
    return ports.computeIfAbsent(key, k -> {
      ElkPort port = ElkGraphUtil.createPort(nodes.get(e.id()));
      port.setDimensions(0, 0);
      port.setLocation(p.x(), p.y());
      port.setProperty(LayeredOptions.PORT_SIDE, p.side() == Side.WEST ? PortSide.WEST : PortSide.EAST);
      return port;
    });
  }

  /** The laid-out positions (absolute, top-left corners) and each wire's route from its link's a to b. */
  private Arrangement read() {
    Map<String, Point> positions = new LinkedHashMap<>();
    nodes.forEach((id, n) -> {
      Point o = origin(n.getParent());
      positions.put(id, new Point(o.x() + n.getX(), o.y() + n.getY()));
    });
    Map<String, List<Point>> wires = new LinkedHashMap<>();
    edges.forEach((id, e) -> wires.put(id, route(e)));
    return new Arrangement(positions, wires);
  }

  private List<Point> route(ElkEdge e) {
    Point o = origin(e.getContainingNode());
    List<Point> points = new ArrayList<>();
    for (ElkEdgeSection s : e.getSections()) {
      points.add(new Point(o.x() + s.getStartX(), o.y() + s.getStartY()));
      for (ElkBendPoint b : s.getBendPoints()) {
        points.add(new Point(o.x() + b.getX(), o.y() + b.getY()));
      }
      points.add(new Point(o.x() + s.getEndX(), o.y() + s.getEndY()));
    }
    if (e.getIdentifier().endsWith("<")) {
      java.util.Collections.reverse(points);
    }
    return points;
  }

  /** Where a node's inside starts, in the root's coordinates. */
  private static Point origin(ElkNode n) {
    double x = 0;
    double y = 0;
    for (ElkNode p = n; p != null && p.getParent() != null; p = p.getParent()) {
      x += p.getX();
      y += p.getY();
    }
    return new Point(x, y);
  }
}
