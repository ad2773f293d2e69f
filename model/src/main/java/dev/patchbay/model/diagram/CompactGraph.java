package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nodes and wires of the compact style for one design, their texts wrapped at a width. A
 * bridge is a line of the host, as the kernel lines are ({@code br0 10.0.0.10/8 bridges eth0 tap0
 * tap1}): its members are the host's notches already, so its links draw no wire. Designs it cannot
 * draw this way (a bridge linked to anything but the host's interfaces, a link from an element to
 * itself or to nothing) give empty: the full style draws those.
 */
final class CompactGraph {
  final List<CompactNode> nodes = new ArrayList<>();
  final List<CompactEdge> edges = new ArrayList<>();
  private final Map<String, CompactNode> byElement = new LinkedHashMap<>();
  /** Each node's wires, built on first use once every wire is known. */
  private final Map<CompactNode, List<CompactEdge>> adjacency = new HashMap<>();
  private final Topology topology;
  private final DiagramNames names;
  private final int wrap;
  private final int barWrap;
  private CompactNode host;

  private CompactGraph(Topology topology, DiagramNames names, int wrap, int barWrap) {
    this.topology = topology;
    this.names = names;
    this.wrap = wrap;
    this.barWrap = barWrap;
  }

  /**
   * The graph with boxes' and the host's lines wrapped at {@code wrap}, bars' labels at {@code
   * barWrap}; every name and label as {@code names} shows it, the same as the full style's.
   */
  static Optional<CompactGraph> of(Topology t, DiagramNames names, int wrap, int barWrap) {
    if (!bridgesHoldOnlyHostInterfaces(t)) {
      return Optional.empty();
    }
    CompactGraph g = new CompactGraph(t, names, wrap, barWrap);
    g.addHost();
    Map<String, Socket> wires = g.socketsAsWires();
    for (Element e : t.elements()) {
      if (!e.isHostInterface() && e.kind() != ElementKind.BRIDGE && !wires.containsKey(e.id())) {
        g.add(e, g.node(e));
      }
    }
    return g.addEdges(wires) ? Optional.of(g) : Optional.empty();
  }

  /** Whether every link of every bridge joins it to a tap or an uplink of the host (not to itself). */
  private static boolean bridgesHoldOnlyHostInterfaces(Topology t) {
    return t.links().stream().filter(l -> bridge(t, l.a()) || bridge(t, l.b())).allMatch(l ->
        bridge(t, l.a()) != bridge(t, l.b()) && t.element((bridge(t, l.a()) ? l.b() : l.a()).element())
            .filter(Element::isHostInterface).isPresent());
  }

  private static boolean bridge(Topology t, Endpoint e) {
    return t.element(e.element()).filter(x -> x.kind() == ElementKind.BRIDGE).isPresent();
  }

  /** Each bridge as the host says it: its name, address and STP, then the interfaces it bridges. */
  private List<String> bridgeLines() {
    List<String> out = new ArrayList<>();
    for (Element e : topology.elements()) {
      if (e.kind() == ElementKind.BRIDGE) {
        List<String> members = topology.linksOf(e.id()).stream()
            .map(l -> topology.element(l.other(e.id()).element()).map(names::title).orElse("?")).toList();
        out.add(String.join(" ", BoxFactory.text(e, names))
            + (members.isEmpty() ? "" : " bridges " + String.join(" ", members)));
      }
    }
    return out;
  }

  CompactNode host() {
    return host;
  }

  private void add(Element e, CompactNode n) {
    nodes.add(n);
    byElement.put(e.id(), n);
  }

  /** The host when the design has interfaces or kernel settings: uplinks notched left, taps right. */
  private void addHost() {
    List<CompactNode.HostLine> lines = new ArrayList<>();
    for (boolean right : new boolean[] {false, true}) {
      for (Element e : topology.elements()) {
        if (e.isHostInterface() && e.kind() != ElementKind.BRIDGE && (e instanceof Uplink) != right) {
          List<String> text = CompactText.pack(BoxFactory.text(e, names), wrap);
          String indent = " ".repeat(DiagramText.width(names.title(e)) + 1);
          for (int i = 0; i < text.size(); i++) {
            lines.add(i == 0 ? new CompactNode.HostLine(text.get(i), e.id(), right, true)
                : new CompactNode.HostLine(right ? text.get(i).strip() : indent + text.get(i).strip(), null, right, true));
          }
        }
      }
    }
    // What the kernel does may use the width the interfaces already give the host.
    int footerWrap = Math.max(wrap, lines.stream().mapToInt(l -> DiagramText.width(l.text()) - 1).max().orElse(0));
    List<String> kernel = new ArrayList<>(bridgeLines());
    kernel.addAll(BoxFactory.hostText(topology, names));
    for (String footer : kernel) {
      CompactText.wrap(footer, footerWrap).forEach(l -> lines.add(new CompactNode.HostLine(l, null, false, false)));
    }
    if (!lines.isEmpty()) {
      host = CompactNode.host(lines);
      nodes.add(host);
      topology.elements().stream().filter(Element::isHostInterface).forEach(e -> byElement.put(e.id(), host));
    }
  }

  private CompactNode node(Element e) {
    if (BoxFactory.meetingPoint(e)) {
      return CompactNode.bar(e.id(), CompactText.pack(BoxFactory.text(e, names), barWrap));
    }
    List<String> text = BoxFactory.text(e, names);
    if (e instanceof Guest g) {
      return guest(g, text);
    }
    List<String> lines = new ArrayList<>(CompactText.pack(text.subList(1, text.size()), wrap));
    Map<String, Integer> ports = new HashMap<>();
    if (e instanceof Socket s) {
      for (String side : s.sides()) {
        lines.add(names.text(side));
        ports.put(side, lines.size());
      }
    }
    return CompactNode.box(e.id(), text.get(0), lines, ports);
  }

  /** A guest: each NIC's line and MAC (packed on one line when the width allows), its wire at that row. */
  private CompactNode guest(Guest g, List<String> text) {
    List<String> lines = new ArrayList<>();
    Map<String, Integer> ports = new HashMap<>();
    int next = 1;
    for (Nic n : g.nics()) {
      boolean mac = n.mac() != null && !n.mac().isBlank();
      ports.put(n.name(), lines.size() + 1);
      lines.addAll(CompactText.pack(text.subList(next, next + (mac ? 2 : 1)), wrap));
      next += mac ? 2 : 1;
    }
    return CompactNode.box(g.id(), text.get(0), lines, ports);
  }

  /** Point-to-point sockets with both sides linked, each to something else: drawn as a wire's label. */
  private Map<String, Socket> socketsAsWires() {
    Map<String, Socket> out = new HashMap<>();
    for (Element e : topology.elements()) {
      if (e instanceof Socket s && s.transport().pointToPoint()) {
        List<Link> links = topology.linksOf(s.id());
        if (links.size() == 2 && sideOf(links.get(0), s) != null && sideOf(links.get(1), s) != null
            && !sideOf(links.get(0), s).equals(sideOf(links.get(1), s))
            && links.stream().allMatch(l -> isPlain(l.other(s.id())))) {
          out.put(s.id(), s);
        }
      }
    }
    return out;
  }

  private static String sideOf(Link l, Socket s) {
    Endpoint end = l.a().element().equals(s.id()) && !l.b().element().equals(s.id()) ? l.a()
        : l.b().element().equals(s.id()) && !l.a().element().equals(s.id()) ? l.b() : null;
    return end == null || !s.sides().contains(end.port()) ? null : end.port();
  }

  private boolean isPlain(Endpoint e) {
    return topology.element(e.element()).filter(x -> !(x instanceof Socket)).isPresent();
  }

  private boolean addEdges(Map<String, Socket> wires) {
    java.util.Set<String> drawn = new java.util.HashSet<>();
    for (Link l : topology.links()) {
      if (bridge(topology, l.a()) || bridge(topology, l.b())) {
        continue;
      }
      Socket s = wires.getOrDefault(l.a().element(), wires.get(l.b().element()));
      if (s != null) {
        if (drawn.add(s.id()) && !add(wire(s))) {
          return false;
        }
        continue;
      }
      CompactNode a = byElement.get(l.a().element());
      CompactNode b = byElement.get(l.b().element());
      if (a == null || b == null || !add(new CompactEdge(a, port(a, l.a()), b, port(b, l.b()), null, null, List.of()))) {
        return false;
      }
    }
    return true;
  }

  /** Adds a wire between two different nodes; a wire from a node to itself cannot be drawn this way. */
  private boolean add(CompactEdge e) {
    if (e.a == null || e.b == null || e.a == e.b) {
      return false;
    }
    edges.add(e);
    return true;
  }

  private CompactEdge wire(Socket s) {
    List<Link> links = topology.linksOf(s.id());
    Endpoint a = links.get(0).other(s.id());
    Endpoint b = links.get(1).other(s.id());
    CompactNode na = byElement.get(a.element());
    CompactNode nb = byElement.get(b.element());
    return new CompactEdge(na, port(na, a), nb, port(nb, b), s.id(),
        "<-- " + String.join(" ", BoxFactory.text(s, names)) + " -->", List.of(sideOf(links.get(0), s), sideOf(links.get(1), s)));
  }

  /** The port a wire ends at: the host's interface, else the port the link names. */
  private static String port(CompactNode n, Endpoint e) {
    return n.shape == CompactNode.Shape.HOST ? e.element() : e.port();
  }

  /** A node's wires in the order of their ports' rows (the file's order among equals). */
  List<CompactEdge> edgesOf(CompactNode n) {
    if (adjacency.isEmpty()) {
      for (CompactEdge e : edges) {
        adjacency.computeIfAbsent(e.a, k -> new ArrayList<>()).add(e);
        adjacency.computeIfAbsent(e.b, k -> new ArrayList<>()).add(e);
      }
      adjacency.forEach((node, list) ->
          list.sort(java.util.Comparator.comparingInt(e -> node.portRows.getOrDefault(e.port(node), 0))));
    }
    return adjacency.getOrDefault(n, List.of());
  }
}
