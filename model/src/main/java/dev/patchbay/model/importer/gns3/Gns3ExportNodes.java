package dev.patchbay.model.importer.gns3;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The nodes of a GNS3 export and the port each link end lands on. A bridge is one cloud whose
 * Ethernet ports, one per tap enslaved to it, all name the bridge (the port's name is the tap's, so
 * an import gives the same taps back); the tap-to-bridge links are those ports, not links.
 */
final class Gns3ExportNodes {
  /** Where a link end lands: the node's id, the adapter (a NIC's index) and the port. */
  record PortRef(String nodeId, int adapter, int port) {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final Topology topology;
  private final Function<String, String> uuid;
  private final Point centre;
  private final ArrayNode json = JSON.arrayNode();
  private final Map<String, ObjectNode> byElement = new HashMap<>();
  private final Map<String, Integer> nextPort = new HashMap<>();
  /** Each tap enslaved to a bridge: the bridge's cloud port that stands for it. */
  private final Map<String, Integer> tapPorts = new HashMap<>();
  private final Map<String, List<PortRef>> sockets = new LinkedHashMap<>();
  private final List<String> notExpressed = new ArrayList<>();

  Gns3ExportNodes(Topology topology, Function<String, String> uuid, Point centre) {
    this.topology = topology;
    this.uuid = uuid;
    this.centre = centre;
  }

  void build() {
    int unplaced = 0;
    for (Element e : topology.elements()) {
      Point at = topology.position(e.id()).orElse(new Point(centre.x() + 100.0 * unplaced, centre.y() + 300));
      unplaced += topology.position(e.id()).isPresent() ? 0 : 1;
      element(e, scene(at));
    }
    host(topology.host());
    switchPorts();
  }

  private void element(Element e, Point at) {
    switch (e.kind()) {
      case GUEST -> Gns3ExportQemu.properties((Guest) e, node(e, "qemu", ":/symbols/qemu_guest.svg", at), notExpressed);
      case HUB -> node(e, "ethernet_hub", ":/symbols/hub.svg", at);
      case VDE -> vde((VdeSwitch) e, at);
      case USER -> nat(e, at);
      case BRIDGE -> bridge((Bridge) e, at);
      case TAP -> tap(e, at);
      case UPLINK -> uplink(e, at);
      case LAN -> {
        Lan lan = (Lan) e;
        String about = java.util.stream.Stream.of(lan.subnet(), lan.gateway() == null ? null : "gateway " + lan.gateway())
            .filter(java.util.Objects::nonNull).reduce((x, y) -> x + ", " + y).map(s -> " (" + s + ")").orElse("");
        notExpressed.add(lan.name() + about + ": the real LAN, outside GNS3");
      }
      case INTERNET -> notExpressed.add(e.name() + ": the Internet beyond the LAN's gateway");
      case SOCKET -> {
        Socket s = (Socket) e;
        if (s.transport().pointToPoint()) {
          sockets.put(s.id(), new ArrayList<>());
        } else {
          notExpressed.add("multicast socket " + s.name() + " (" + s.host() + ":" + s.port() + ") and its members");
        }
      }
    }
  }

  private void vde(VdeSwitch v, Point at) {
    node(v, v.hubMode() ? "ethernet_hub" : "ethernet_switch", v.hubMode() ? ":/symbols/hub.svg"
        : ":/symbols/ethernet_switch.svg", at);
    if (v.hasOwnSocketPath()) {
      notExpressed.add("VDE switch " + v.name() + "'s control folder " + v.socketPath());
    }
  }

  private void nat(Element e, Point at) {
    cloudPorts(node(e, "nat", ":/symbols/cloud.svg", at)).addObject().put("interface", "virbr0").put("name", "nat0")
        .put("port_number", 0).put("type", "ethernet");
    notExpressed.add("user net " + e.name() + " is GNS3's NAT node (libvirt's virbr0 rather than QEMU's slirp)");
  }

  private void bridge(Bridge b, Point at) {
    ArrayNode ports = cloudPorts(node(b, "cloud", ":/symbols/cloud.svg", at));
    for (Link l : topology.linksOf(b.id())) {
      Element other = topology.element(l.other(b.id()).element()).orElseThrow();
      if (other.kind() == ElementKind.TAP) {
        int port = ports.size();
        tapPorts.put(other.id(), port);
        ports.addObject().put("interface", b.name()).put("name", other.name()).put("port_number", port)
            .put("type", "ethernet");
      } else if (other.kind() == ElementKind.UPLINK) {
        notExpressed.add("uplink " + other.name() + " is enslaved to bridge " + b.name());
      }
    }
    if (b.address() != null) {
      notExpressed.add("bridge " + b.name() + " address " + b.address());
    }
  }

  private void tap(Element tap, Point at) {
    if (onBridge(tap.id()).isPresent()) {
      return;
    }
    cloudPorts(node(tap, "cloud", ":/symbols/cloud.svg", at)).addObject().put("interface", tap.name())
        .put("name", tap.name()).put("port_number", 0).put("type", "tap");
    if (((dev.patchbay.model.topology.Tap) tap).address() != null) {
      notExpressed.add("tap " + tap.name() + " address " + ((dev.patchbay.model.topology.Tap) tap).address());
    }
  }

  private void uplink(Element up, Point at) {
    if (onBridge(up.id()).isPresent()) {
      return;
    }
    cloudPorts(node(up, "cloud", ":/symbols/cloud.svg", at)).addObject().put("interface", up.name())
        .put("name", up.name()).put("port_number", 0).put("type", "ethernet");
  }

  private void host(HostSettings h) {
    if (h.ipForward()) {
      notExpressed.add("the host forwards IPv4 (net.ipv4.ip_forward=1)");
    }
    h.nat().forEach(n -> notExpressed.add("the host masquerades " + n.source() + " out of " + n.out()));
    h.proxyArp().forEach(p -> notExpressed.add("proxy ARP on " + p));
    h.routes().forEach(r -> notExpressed.add("host route " + r.destination()
        + (r.via() == null ? "" : " via " + r.via()) + (r.device() == null ? "" : " dev " + r.device())));
  }

  private Optional<String> onBridge(String id) {
    return topology.linksOf(id).stream().map(l -> l.other(id).element())
        .filter(o -> topology.element(o).map(x -> x.kind() == ElementKind.BRIDGE).orElse(false)).findFirst();
  }

  private ObjectNode node(Element e, String type, String symbol, Point at) {
    ObjectNode n = json.addObject();
    n.put("compute_id", "local").putNull("console").put("console_auto_start", false)
        .put("console_type", type.equals("qemu") ? "telnet" : "none").putArray("custom_adapters");
    n.putNull("first_port_name").put("height", 59);
    n.putObject("label").put("rotation", 0).put("style", "font-family: TypeWriter;font-size: 10.0;font-weight: bold;"
        + "fill: #000000;fill-opacity: 1.0;").put("text", e.name()).put("x", 0).put("y", -25);
    n.put("locked", false).put("name", e.name()).put("node_id", uuid.apply("node:" + e.id())).put("node_type", type)
        .put("port_name_format", "Ethernet{0}").put("port_segment_size", 0).putObject("properties");
    n.put("symbol", symbol).putNull("template_id").put("width", 65)
        .put("x", (int) Math.round(at.x())).put("y", (int) Math.round(at.y())).put("z", 1);
    byElement.put(e.id(), n);
    return n;
  }

  private static ArrayNode cloudPorts(ObjectNode node) {
    ObjectNode p = (ObjectNode) node.get("properties");
    p.putArray("interfaces");
    return p.putArray("ports_mapping");
  }

  /** Hubs' and switches' ports: as many as their links use, at least GNS3's default of 8. */
  private void switchPorts() {
    for (Element e : topology.elements()) {
      ObjectNode n = byElement.get(e.id());
      if (n == null || !n.get("node_type").asText().startsWith("ethernet_")) {
        continue;
      }
      ArrayNode ports = ((ObjectNode) n.get("properties")).putArray("ports_mapping");
      boolean hub = n.get("node_type").asText().equals("ethernet_hub");
      int count = Math.max(8, topology.linksOf(e.id()).size());
      for (int i = 0; i < count; i++) {
        ObjectNode p = ports.addObject().put("name", "Ethernet" + i).put("port_number", i);
        if (!hub) {
          p.put("ethertype", "").put("type", "access").put("vlan", 1);
        }
      }
    }
  }

  /** The GNS3 port a link end lands on; null when the link is not a GNS3 link (a tap on its bridge, the LAN). */
  PortRef port(Endpoint end, Endpoint other) {
    Element e = topology.element(end.element()).orElseThrow();
    Element o = topology.element(other.element()).orElseThrow();
    if (o.kind() == ElementKind.SOCKET || e.kind() == ElementKind.SOCKET) {
      return e.kind() == ElementKind.SOCKET ? null : socketPeer(o, port(end, Endpoint.of(end.element())));
    }
    String id = uuid.apply("node:" + e.id());
    return switch (e.kind()) {
      case GUEST -> new PortRef(id, nicIndex((Guest) e, end.port()), 0);
      case HUB, VDE -> new PortRef(id, 0, nextPort.merge(e.id(), 1, Integer::sum) - 1);
      case USER -> new PortRef(id, 0, 0);
      case TAP -> tapPort(e, o, id);
      case UPLINK -> o.kind() == ElementKind.LAN || o.kind() == ElementKind.BRIDGE ? null : new PortRef(id, 0, 0);
      case BRIDGE, LAN, INTERNET, SOCKET -> null;
    };
  }

  /** A tap on a bridge is its port on the bridge's cloud (its link to the bridge is that port); else its own cloud. */
  private PortRef tapPort(Element tap, Element other, String ownNode) {
    Optional<String> bridge = onBridge(tap.id());
    if (bridge.isEmpty()) {
      return new PortRef(ownNode, 0, 0);
    }
    return other.id().equals(bridge.get()) ? null : new PortRef(uuid.apply("node:" + bridge.get()), 0, tapPorts.get(tap.id()));
  }

  private PortRef socketPeer(Element socket, PortRef peer) {
    List<PortRef> ends = sockets.get(socket.id());
    if (ends != null && peer != null) {
      ends.add(peer);
    }
    return null;
  }

  private static int nicIndex(Guest g, String nic) {
    for (int i = 0; i < g.nics().size(); i++) {
      if (g.nics().get(i).name().equals(nic)) {
        return i;
      }
    }
    return 0;
  }

  Map<String, List<PortRef>> sockets() {
    return sockets;
  }

  ArrayNode json() {
    return json;
  }

  List<String> notExpressed() {
    sockets.forEach((id, ends) -> {
      if (ends.size() != 2) {
        notExpressed.add("socket " + id + ", which has " + ends.size() + " of its 2 ends wired");
      }
    });
    return new ArrayList<>(notExpressed);
  }

  Point scene(Point p) {
    return new Point(p.x() - centre.x(), p.y() - centre.y());
  }

  /** Above the top-left element: where the list of what GNS3 cannot hold goes. */
  Point corner() {
    double x = topology.layout().values().stream().mapToDouble(Point::x).min().orElse(centre.x());
    double y = topology.layout().values().stream().mapToDouble(Point::y).min().orElse(centre.y());
    return scene(new Point(x, y - 200));
  }

}
