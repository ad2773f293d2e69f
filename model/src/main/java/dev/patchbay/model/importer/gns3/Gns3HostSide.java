package dev.patchbay.model.importer.gns3;

import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.importer.build.LabBuilder;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private final LabBuilder lab;
  private final List<Skipped> skipped = new ArrayList<>();
  private final Map<String, Attach> ports = new HashMap<>();
  /** A cloud's TAP ports by kernel name: two ports on one tap are one element. */
  private final Map<String, String> taps = new HashMap<>();
  private final Set<String> natBridges = new HashSet<>();
  private final Set<String> uplinkBridges = new HashSet<>();

  Gns3HostSide(LabBuilder lab) {
    this.lab = lab;
  }

  /** The builder the whole import shares. */
  LabBuilder lab() {
    return lab;
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
        case "tap" -> new Attach.Tap(taps.computeIfAbsent(p.iface(), t -> lab.tap(t, here)));
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
      return new Attach.Bridge(lab.bridge(p.iface(), null, at), tapName);
    }
    lab.uplink(p.iface(), at);
    return new Attach.Uplink(p.iface());
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
    String bridge = lab.bridge(iface, NAT_ADDRESS, at);
    if (natBridges.add(iface)) {
      Topology t = lab.topology();
      String out = t.elementsOf(Uplink.class).map(Uplink::id).findFirst().orElseGet(() -> {
        lab.warn(Printable.line(n.name()) + ": GNS3's NAT node leaves through the host's default route; assumed uplink"
            + " eth0, rename it to the host's interface");
        return lab.uplink("eth0");
      });
      lab.forward(NAT_SUBNET, out);
      lab.warn(Printable.line(n.name()) + ": GNS3's NAT node is libvirt's network on " + Printable.line(iface)
          + "; made bridge " + bridge + " " + NAT_ADDRESS + " masqueraded out of " + out + " (libvirt's DHCP is not"
          + " part of it: give the guests addresses in " + NAT_SUBNET + ")");
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
      return newTap(uplinkBridge(u.iface()), null);
    }
    throw new IllegalStateException("not a host interface: " + host);
  }

  /** A bridge made to join switches GNS3 wires together, each through its own tap. */
  String newBridge() {
    return lab.bridge(lab.freshName("br-sw"), null);
  }

  String newTap(String bridge, String wanted) {
    return lab.tapOn(bridge, wanted);
  }

  /** GNS3 joins links to eth0 itself; Patchbay enslaves eth0 to a bridge made for it, placed below it. */
  private String uplinkBridge(String iface) {
    String bridge = lab.bridgedUplink(iface);
    if (uplinkBridges.add(bridge)) {
      Topology t = lab.topology();
      String uplink = lab.uplink(iface);
      t.position(uplink).ifPresent(p -> t.move(bridge, p.translate(0, PORT_GAP)));
      String uplinkName = t.element(uplink).map(Element::name).orElse(uplink);
      String name = t.element(bridge).map(Element::name).orElse(bridge);
      lab.warn("links to host interface " + uplinkName + " go through bridge " + name + ", which " + uplinkName
          + " is enslaved to (GNS3 joins them with ubridge; a bridge takes over " + uplinkName + "'s address)");
    }
    return bridge;
  }

  void connect(String a, String b) {
    connect(Endpoint.of(a), Endpoint.of(b));
  }

  void connect(Endpoint a, Endpoint b) {
    lab.link(a, b);
  }
}
