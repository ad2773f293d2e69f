package dev.patchbay.model.importer.core;

import static dev.patchbay.model.importer.xml.XmlNodes.all;
import static dev.patchbay.model.importer.xml.XmlNodes.one;
import static dev.patchbay.model.importer.xml.XmlNodes.text;
import static dev.patchbay.model.importer.xml.XmlNodes.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.core.CoreScenario.Iface;
import dev.patchbay.model.importer.core.CoreScenario.Kind;
import dev.patchbay.model.importer.core.CoreScenario.Node;
import dev.patchbay.model.importer.core.CoreScenario.Wire;
import dev.patchbay.model.importer.xml.XmlNodes;
import dev.patchbay.model.importer.xml.XmlTree;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Point;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The NMF scenario-plan dialect CORE 4.x wrote ({@code <scenario version="1.0" xmlns="nmfPlan">}):
 * {@code <router>} and {@code <host>} devices whose {@code <interface>}s carry their addresses,
 * {@code <network>}s of type ethernet or wireless holding the {@code <switch>}es and {@code <hub>}s
 * on them, and a {@code <channel>} per wire listing the interfaces it joins ({@code <member
 * type="interface">n1/eth0</member>}). A device's CORE type is its {@code <type domain="CORE">}
 * (router, PC, mdr, rj45, ...); positions are {@code <point>}s in pixels or on the map.
 */
final class NmfDialect {
  private static final Set<String> ELEMENTS = Set.of("router", "host", "switch", "hub");

  /** A device's interface, or (iface null) a switch's or hub's port, by the interface's id. */
  private record Owner(String node, Iface iface) {}

  private final String file;
  private final List<String> warnings;
  private final Positions.Origin origin;
  private final List<Node> nodes = new ArrayList<>();
  private final List<Wire> wires = new ArrayList<>();
  private final Map<String, Owner> owners = new HashMap<>();

  private NmfDialect(String file, JsonNode scenario, List<String> warnings) {
    this.file = file;
    this.warnings = warnings;
    this.origin = origin(scenario);
  }

  static boolean matches(JsonNode scenario) {
    return scenario.has("network") || scenario.has("router") || scenario.has("host");
  }

  static CoreScenario read(XmlTree.Document doc, List<String> warnings) {
    NmfDialect d = new NmfDialect(doc.file(), doc.content(), warnings);
    for (XmlNodes.Named n : XmlNodes.descendants(doc.content(), ELEMENTS)) {
      d.node(n.name(), n.node());
    }
    for (XmlNodes.Named n : XmlNodes.descendants(doc.content(), Set.of("network"))) {
      d.network(n.node());
    }
    return new CoreScenario(value(doc.content(), "name").orElse(doc.file()), d.nodes, d.wires);
  }

  private void node(String element, JsonNode n) {
    String key = value(n, "id").orElseThrow(() -> new ImportException(file + ": a <" + element + "> "
        + value(n, "name").map(Printable::quoted).orElse("") + " has no id"));
    String type = one(n, "type").map(XmlNodes::text).filter(t -> !t.isEmpty()).orElse(element);
    boolean l2 = element.equals("switch") || element.equals("hub");
    Kind kind = l2 ? (element.equals("hub") ? Kind.HUB : Kind.SWITCH)
        : type.equalsIgnoreCase("rj45") ? Kind.RJ45 : Kind.DEVICE;
    nodes.add(new Node(key, value(n, "name").orElse(key), kind, type, point(n), null));
    for (JsonNode i : all(n, "interface")) {
      String id = value(i, "id").orElseThrow(() -> new ImportException(file + ": an interface of "
          + Printable.quoted(key) + " has no id"));
      owners.put(id, new Owner(key, kind == Kind.DEVICE ? iface(i, id) : null));
    }
  }

  private Iface iface(JsonNode i, String id) {
    String mac = null;
    String ip4 = null;
    for (JsonNode a : all(i, "address")) {
      String type = value(a, "type").orElse("");
      if (type.equals("mac") && mac == null) {
        mac = text(a);
      } else if (type.equals("IPv4") && ip4 == null) {
        ip4 = text(a);
      }
    }
    return new Iface(id, value(i, "name").orElse(null), mac, ip4);
  }

  /** A network's channels become wires; a wireless network or a tunnel is a skipped node with its wires. */
  private void network(JsonNode net) {
    String key = value(net, "id").orElseThrow(() -> new ImportException(file + ": a <network> has no id"));
    String name = value(net, "name").orElse(key);
    String type = one(net, "type").map(XmlNodes::text).orElse("ethernet");
    List<String> l2 = new ArrayList<>();
    all(net, "switch").forEach(s -> value(s, "id").ifPresent(l2::add));
    all(net, "hub").forEach(h -> value(h, "id").ifPresent(l2::add));
    boolean tunnel = members(net, "tunnel").size() > 0;
    if (type.equals("wireless") || tunnel) {
      String coreType = one(net, "channel").flatMap(c -> one(c, "type")).map(XmlNodes::text).orElse(type);
      nodes.add(new Node(key, name, Kind.SKIPPED, tunnel ? "tunnel" : coreType, point(net), tunnel
          ? "a GRE tunnel to another host; Patchbay joins labs on two hosts with a socket link"
          : "a wireless network; Patchbay draws wired links (a VDE switch is one shared segment)"));
    }
    List<JsonNode> channels = all(net, "channel");
    List<List<String>> groups = new ArrayList<>();
    channels.forEach(c -> groups.add(members(c, "interface")));
    if (channels.isEmpty()) {
      groups.add(members(net, "interface"));
    }
    for (List<String> group : groups) {
      wire(key, name, type.equals("wireless") || tunnel, l2, group);
    }
  }

  private void wire(String net, String netName, boolean skipped, List<String> l2, List<String> group) {
    String where = file + ": network " + Printable.quoted(netName);
    List<Owner> ends = new ArrayList<>();
    for (String ifaceId : group) {
      Owner o = owners.get(ifaceId);
      if (o == null) {
        // CORE's writers named switch ports in more than one way; one unknown port must not cost the lab.
        warnings.add(where + ": member " + Printable.quoted(ifaceId) + " is no device's or switch's interface;"
            + " left out");
      } else {
        ends.add(o);
      }
    }
    if (skipped) {
      ends.forEach(e -> wires.add(new Wire(e.node(), e.iface(), net, null, where)));
    } else if (ends.size() == 2) {
      wires.add(new Wire(ends.get(0).node(), ends.get(0).iface(), ends.get(1).node(), ends.get(1).iface(), where));
    } else if (ends.size() == 1 && l2.size() == 1 && !ends.get(0).node().equals(l2.get(0))) {
      wires.add(new Wire(ends.get(0).node(), ends.get(0).iface(), l2.get(0), null, where));
    } else if (ends.size() > 2) {
      if (nodes.stream().noneMatch(n -> n.key().equals(net))) {
        nodes.add(new Node(net, netName, Kind.SWITCH, "ethernet", null, null)); // a shared segment
      }
      ends.forEach(e -> wires.add(new Wire(e.node(), e.iface(), net, null, where)));
    } else if (!ends.isEmpty()) {
      warnings.add(where + ": a channel with " + ends.size() + " member joins nothing; left out");
    }
  }

  /** The text of every {@code <member type="...">} child, in file order, without repeats. */
  private static List<String> members(JsonNode parent, String type) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode m : all(parent, "member")) {
      if (value(m, "type").orElse("").equals(type) && !text(m).isEmpty()) {
        out.add(text(m));
      }
    }
    return List.copyOf(out);
  }

  private Point point(JsonNode n) {
    Optional<JsonNode> p = one(n, "point");
    if (p.isEmpty()) {
      return null;
    }
    return switch (value(p.get(), "type").orElse("")) {
      case "pixel" -> Positions.pixel(value(p.get(), "x").orElse(null), value(p.get(), "y").orElse(null));
      case "gps" -> Positions.gps(value(p.get(), "lat").orElse(null), value(p.get(), "lon").orElse(null), origin);
      default -> null;
    };
  }

  /** {@code <CORE:sessionconfig><origin lat lon scale100><point>x,y</point></origin>}, or CORE's defaults. */
  private static Positions.Origin origin(JsonNode scenario) {
    Optional<JsonNode> o = one(scenario, "sessionconfig").flatMap(c -> one(c, "origin"));
    if (o.isEmpty()) {
      return Positions.Origin.defaults();
    }
    Double lat = Positions.number(value(o.get(), "lat").orElse(null));
    Double lon = Positions.number(value(o.get(), "lon").orElse(null));
    Double scale = Positions.number(value(o.get(), "scale100").orElse(null));
    String[] xy = value(o.get(), "point").orElse("0,0").split(",");
    Double x = Positions.number(xy[0]);
    Double y = xy.length > 1 ? Positions.number(xy[1]) : null;
    return new Positions.Origin(lat == null ? Positions.DEFAULT_LAT : lat, lon == null ? Positions.DEFAULT_LON : lon,
        scale == null || scale <= 0 ? Positions.DEFAULT_SCALE : scale, x == null ? 0 : x, y == null ? 0 : y);
  }
}
