package dev.patchbay.model.importer.core;

import static dev.patchbay.model.importer.xml.XmlNodes.all;
import static dev.patchbay.model.importer.xml.XmlNodes.one;
import static dev.patchbay.model.importer.xml.XmlNodes.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.core.CoreScenario.Iface;
import dev.patchbay.model.importer.core.CoreScenario.Kind;
import dev.patchbay.model.importer.core.CoreScenario.Node;
import dev.patchbay.model.importer.core.CoreScenario.Wire;
import dev.patchbay.model.importer.xml.XmlTree;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dialect CORE 5 and later write: {@code <networks>} of typed network nodes, {@code <devices>}
 * of namespace nodes, each with a {@code <position x y>}, and {@code <links>} whose ends are two
 * node ids and, on a device, the interface ({@code iface1}/{@code iface2}; CORE 5 and 6 wrote
 * {@code node_one}/{@code interface_one}).
 */
final class CurrentDialect {
  /** Network node types that cannot be drawn, and why. */
  private static final Map<String, String> UNDRAWABLE = Map.of(
      "WIRELESS_LAN", "a wireless LAN with range-based links; Patchbay draws wired links (a VDE switch is one shared segment)",
      "WIRELESS", "a wireless network; Patchbay draws wired links (a VDE switch is one shared segment)",
      "EMANE", "an EMANE radio model; Patchbay draws wired links only",
      "TUNNEL", "a GRE tunnel to another host; Patchbay joins labs on two hosts with a socket link",
      "KTUNNEL", "a kernel tunnel to another host; Patchbay joins labs on two hosts with a socket link",
      "CTRL_NET", "CORE's control network between the host and every node; not part of the lab");

  private CurrentDialect() {}

  static boolean matches(JsonNode scenario) {
    return scenario.has("networks") || scenario.has("devices") || scenario.has("links");
  }

  static CoreScenario read(XmlTree.Document doc) {
    JsonNode s = doc.content();
    List<Node> nodes = new ArrayList<>();
    for (JsonNode n : all(one(s, "networks").orElse(null), "network")) {
      nodes.add(network(n, doc.file()));
    }
    for (JsonNode d : all(one(s, "devices").orElse(null), "device")) {
      String key = key(d, doc.file(), "device");
      nodes.add(new Node(key, name(d, key), Kind.DEVICE, deviceType(d), position(d), null));
    }
    List<Wire> wires = new ArrayList<>();
    List<JsonNode> links = all(one(s, "links").orElse(null), "link");
    for (int i = 0; i < links.size(); i++) {
      JsonNode l = links.get(i);
      String where = doc.file() + ": link " + (i + 1);
      wires.add(new Wire(end(l, "node1", "node_one", where), iface(l, "iface1", "interface_one"),
          end(l, "node2", "node_two", where), iface(l, "iface2", "interface_two"), where));
    }
    return new CoreScenario(value(s, "name").orElse(doc.file()), nodes, wires);
  }

  /** router, PC, ...; a container node (class docker, podman, lxc) says so and names its image. */
  private static String deviceType(JsonNode d) {
    String type = value(d, "type").orElse("router");
    Optional<String> clazz = value(d, "class");
    return clazz.isEmpty() ? type
        : type + ", " + clazz.get() + " container" + value(d, "image").map(i -> " of image " + i).orElse("");
  }

  private static Node network(JsonNode n, String file) {
    String key = key(n, file, "network");
    String type = value(n, "type").orElse("");
    Kind kind = switch (type) {
      case "SWITCH", "PEER_TO_PEER" -> Kind.SWITCH;
      case "HUB" -> Kind.HUB;
      case "RJ45" -> Kind.RJ45;
      default -> Kind.SKIPPED;
    };
    String why = kind != Kind.SKIPPED ? null
        : UNDRAWABLE.getOrDefault(type, "not a network type Patchbay knows how to draw");
    return new Node(key, name(n, key), kind, type, position(n), why);
  }

  private static String key(JsonNode n, String file, String what) {
    return value(n, "id").orElseThrow(() -> new ImportException(file + ": a <" + what + "> "
        + value(n, "name").map(Printable::quoted).orElse("") + " has no id"));
  }

  private static String name(JsonNode n, String key) {
    return value(n, "name").orElse("n" + key);
  }

  private static String end(JsonNode link, String name, String oldName, String where) {
    return value(link, name).or(() -> value(link, oldName)).orElseThrow(() -> new ImportException(where
        + ": has no " + name + " attribute (the id of the node it starts or ends on)"));
  }

  private static Iface iface(JsonNode link, String name, String oldName) {
    Optional<JsonNode> i = one(link, name).or(() -> one(link, oldName));
    if (i.isEmpty()) {
      return null;
    }
    JsonNode n = i.get();
    String ip4 = value(n, "ip4").map(a -> a + "/" + value(n, "ip4_mask").orElse("32")).orElse(null);
    return new Iface(value(n, "id").orElse(null), value(n, "name").orElse(null), value(n, "mac").orElse(null), ip4);
  }

  /** CORE's canvas position in pixels; lat/lon/alt beside it are the same place on the map. */
  private static Point position(JsonNode n) {
    Optional<JsonNode> p = one(n, "position");
    if (p.isEmpty() || value(p.get(), "x").isEmpty() || value(p.get(), "y").isEmpty()) {
      return null;
    }
    return Positions.pixel(value(p.get(), "x").get(), value(p.get(), "y").get());
  }
}
