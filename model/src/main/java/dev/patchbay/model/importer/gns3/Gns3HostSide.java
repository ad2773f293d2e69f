package dev.patchbay.model.importer.gns3;

import dev.patchbay.model.importer.ForeignNames;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * GNS3's ways out of the scene as host interfaces. A cloud's TAP port is a tap; its Ethernet port
 * is a bridge when the interface is one (virbr0, br0, lxcbr0, docker0 ...), else the host's uplink
 * to the real LAN; a NAT node is libvirt's virbr0, a bridge the host masquerades out of the uplink.
 * GNS3 hands each link's frames to the interface itself (ubridge); in Patchbay a guest reaches a
 * bridge through a tap of its own, so every link to a bridge or uplink gets one
 * (guest:nicN - tapX - bridge), as the bridged-LAN sample wires it.
 */
final class Gns3HostSide {
  private static final Pattern BRIDGE = Pattern.compile("(?i)(br|virbr|lxcbr|vmbr|xenbr|docker)[A-Za-z0-9_.-]*|.*bridge.*");
  /** libvirt's default network, which GNS3's NAT node on Linux is. */
  static final String NAT_ADDRESS = "192.168.122.1/24";
  static final String NAT_SUBNET = "192.168.122.0/24";
  private static final double PORT_GAP = 70;

  private final Topology topology;
  private final ForeignNames names;
  private final List<String> warnings;
  private final List<Skipped> skipped = new ArrayList<>();
  private final Map<String, Attach> ports = new HashMap<>();
  /** Host interfaces by kernel name: two ports on one interface are one element. */
  private final Map<String, String> byInterface = new HashMap<>();
  private final Map<String, String> uplinkBridges = new HashMap<>();
  private int taps;
  private int switchBridges;

  Gns3HostSide(Topology topology, ForeignNames names, List<String> warnings) {
    this.topology = topology;
    this.names = names;
    this.warnings = warnings;
  }

  /** Cloud ports Patchbay cannot carry (UDP tunnels ...), for the import's skipped list. */
  List<Skipped> skipped() {
    return skipped;
  }

  void cloud(Gns3Project.Node n, Point at) {
    int i = 0;
    for (Gns3Project.CloudPort p : n.cloudPorts()) {
      Point here = at == null ? null : at.translate(0, PORT_GAP * i);
      Attach a = switch (p.type()) {
        case "tap" -> new Attach.Tap(hostInterface(p.iface(), "tap", here, Tap.class));
        case "ethernet" -> ethernet(p, here);
        default -> lost(n, p);
      };
      if (!(a instanceof Attach.Lost)) {
        i++;
      }
      ports.put(n.id() + "/" + p.number(), a);
    }
  }

  private Attach ethernet(Gns3Project.CloudPort p, Point at) {
    if (BRIDGE.matcher(p.iface()).matches()) {
      String tapName = p.name().equals(p.iface()) || p.name().isBlank() ? null : p.name();
      return new Attach.Bridge(hostInterface(p.iface(), "br", at, Bridge.class), tapName);
    }
    return new Attach.Uplink(uplink(p.iface(), at));
  }

  private Attach lost(Gns3Project.Node n, Gns3Project.CloudPort p) {
    String what = Printable.line(n.name()) + ":" + Printable.line(p.name());
    String why = p.type().equals("udp")
        ? "a UDP tunnel to another program; a Patchbay socket link (transport dgram) does that between QEMU processes"
        : "a cloud port of type " + Printable.quoted(p.type()) + ", which Patchbay has no host interface for";
    skipped.add(new Skipped(what, "cloud port (" + Printable.line(p.type()) + ")", why));
    return new Attach.Lost("ends on a skipped cloud port");
  }

  /** GNS3's NAT node: the host's NAT bridge (libvirt's virbr0 unless the file names another). */
  void nat(Gns3Project.Node n, Point at) {
    String iface = n.cloudPorts().isEmpty() || n.cloudPorts().get(0).iface().isBlank()
        ? "virbr0" : n.cloudPorts().get(0).iface();
    boolean fresh = !byInterface.containsKey(iface);
    String bridge = hostInterface(iface, "br", at, Bridge.class);
    if (fresh) {
      topology.replace(((Bridge) topology.element(bridge).orElseThrow()).withAddress(NAT_ADDRESS));
      String out = topology.elementsOf(Uplink.class).map(Uplink::id).findFirst().orElseGet(() -> {
        warnings.add(Printable.line(n.name()) + ": GNS3's NAT node leaves through the host's default route; assumed uplink eth0,"
            + " rename it to the host's interface");
        return uplink("eth0", null);
      });
      HostSettings h = topology.host();
      List<HostSettings.Nat> nat = new ArrayList<>(h.nat());
      nat.add(new HostSettings.Nat(NAT_SUBNET, out));
      topology.setHost(h.withIpForward(true).withNat(nat));
      warnings.add(Printable.line(n.name()) + ": GNS3's NAT node is libvirt's network on " + Printable.line(iface) + "; made bridge "
          + bridge + " " + NAT_ADDRESS + " masqueraded out of " + out + " (libvirt's DHCP is not part of it:"
          + " give the guests addresses in " + NAT_SUBNET + ")");
    }
    for (Gns3Project.CloudPort p : n.cloudPorts().isEmpty() ? List.of(new Gns3Project.CloudPort(0, "ethernet", "nat0", iface))
        : n.cloudPorts()) {
      ports.put(n.id() + "/" + p.number(), new Attach.Bridge(bridge, null));
    }
  }

  /** What a link end on a cloud or NAT port is attached to; null when the node has no such port. */
  Attach port(String nodeId, int port) {
    return ports.get(nodeId + "/" + port);
  }

  /** The element a link from a guest or switch ends on: the tap itself, or a new tap on the bridge. */
  String tapFor(Attach host) {
    if (host instanceof Attach.Tap t) {
      return t.id();
    }
    if (host instanceof Attach.Bridge b) {
      return newTap(b.id(), b.tapName());
    }
    if (host instanceof Attach.Uplink u) {
      return newTap(uplinkBridge(u.id()), null);
    }
    throw new IllegalStateException("not a host interface: " + host);
  }

  /** A bridge made to join switches GNS3 wires together, each through its own tap. */
  String newBridge() {
    String name = names.interfaceName("br-sw" + switchBridges++, "br");
    Bridge b = new Bridge(names.id(name, "br"), name, null, false);
    topology.add(b, null);
    return b.id();
  }

  String newTap(String bridge, String wanted) {
    String name = names.interfaceName(wanted != null ? wanted : "tap" + taps++, "tap");
    Tap tap = new Tap(names.id(name, "tap"), name, null, null);
    topology.add(tap, null);
    connect(tap.id(), bridge);
    return tap.id();
  }

  /** GNS3 joins links to eth0 itself; Patchbay enslaves eth0 to a bridge made for it. */
  private String uplinkBridge(String uplink) {
    return uplinkBridges.computeIfAbsent(uplink, u -> {
      String uplinkName = topology.element(u).map(Element::name).orElse(u);
      String name = names.interfaceName("br-" + uplinkName, "br");
      Bridge b = new Bridge(names.id(name, "br"), name, null, false);
      topology.add(b, topology.position(u).map(p -> p.translate(0, PORT_GAP)).orElse(null));
      connect(u, b.id());
      warnings.add("links to host interface " + uplinkName + " go through bridge " + name + ", which " + uplinkName
          + " is enslaved to (GNS3 joins them with ubridge; a bridge takes over " + uplinkName + "'s address)");
      return b.id();
    });
  }

  private String uplink(String iface, Point at) {
    String existing = byInterface.get(iface);
    if (existing != null) {
      return existing;
    }
    String id = hostInterface(iface, "eth", at, Uplink.class);
    Lan lan = new Lan(names.id("lan", "lan"), "LAN", null, null, null);
    topology.add(lan, null);
    connect(id, lan.id());
    return id;
  }

  private <T extends Element> String hostInterface(String iface, String prefix, Point at, Class<T> kind) {
    String known = byInterface.get(iface);
    if (known != null) {
      return known;
    }
    String name = names.interfaceName(iface, prefix);
    String id = names.id(name, prefix);
    Element e = kind == Tap.class ? new Tap(id, name, null, null)
        : kind == Bridge.class ? new Bridge(id, name, null, false)
        : new Uplink(id, name, Uplink.Medium.WIRED, null, null, null);
    topology.add(e, at);
    byInterface.put(iface, id);
    return id;
  }

  void connect(String a, String b) {
    connect(Endpoint.of(a), Endpoint.of(b));
  }

  void connect(Endpoint a, Endpoint b) {
    topology.connect(new Link(topology.freshId("l"), a, b));
  }
}
