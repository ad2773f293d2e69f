package dev.patchbay.model.importer.libvirt;

import static dev.patchbay.model.importer.xml.XmlNodes.one;
import static dev.patchbay.model.importer.xml.XmlNodes.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.ForeignNics;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.UserNet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code <interface>} of a domain (formatdomain.html, "Network interfaces"): the NIC it gives
 * the guest and what that NIC is wired to, or why it is skipped. Types that put a host NIC or a
 * user-space switch inside the guest (direct, hostdev, vhostuser, vdpa) have no Patchbay element.
 */
final class InterfaceReader {
  /** A NIC and the endpoint its link goes to. */
  record Plug(Nic nic, Endpoint to) {}

  private static final Map<String, String> UNDRAWABLE = Map.of(
      "direct", "macvtap onto a host NIC; Patchbay puts a guest on the LAN through a tap on a bridge with the uplink",
      "hostdev", "PCI passthrough of a host NIC; Patchbay's guests have emulated NICs only",
      "vhostuser", "vhost-user needs a user-space switch such as OVS-DPDK; use a VDE switch instead",
      "vdpa", "a vDPA hardware device; Patchbay's guests have emulated NICs only",
      "vds", "a VMware distributed switch; not QEMU",
      "null", "a NIC wired to nothing (for testing); add the NIC by hand if wanted",
      "internal", "a VirtualBox internal network; not QEMU",
      "netdev", "a libvirt-managed netdev with no host side Patchbay can draw");

  private final LibvirtLab lab;
  private final SocketLinks sockets;

  InterfaceReader(LibvirtLab lab, SocketLinks sockets) {
    this.lab = lab;
    this.sockets = sockets;
  }

  /**
   * The NIC named nicName and its plug, or empty when the interface was skipped (and recorded).
   * {@code number} counts the domain's interfaces from 1, skipped ones included, as the file lists them.
   */
  Optional<Plug> read(JsonNode iface, String nicName, String guest, int number, String where) {
    String type = value(iface, "type").orElseThrow(() -> new ImportException(where + ": <interface> has no type"));
    String what = guest + " interface " + number + value(one(iface, "mac").orElse(null), "address").map(m -> " (" + m + ")")
        .orElse("");
    if (UNDRAWABLE.containsKey(type)) {
      lab.skip(new Skipped(what, "libvirt <interface type='" + type + "'>", UNDRAWABLE.get(type)));
      return Optional.empty();
    }
    if (one(iface, "virtualport").flatMap(v -> value(v, "type")).filter("openvswitch"::equals).isPresent()) {
      lab.skip(new Skipped(what, "libvirt <interface type='" + type + "'> on Open vSwitch", "Open vSwitch"
          + " is not drawn; a Linux bridge with a tap per guest does the same for a lab"));
      return Optional.empty();
    }
    JsonNode source = one(iface, "source").orElse(null);
    String model = one(iface, "model").flatMap(m -> value(m, "type")).orElse(null);
    String mac = one(iface, "mac").flatMap(m -> value(m, "address")).orElse(null);
    Nic nic = new Nic(nicName, ForeignNics.model(model, where, lab.warnings()),
        ForeignNics.mac(mac, where, lab.warnings()).orElse(null), null);
    String target = one(iface, "target").flatMap(t -> value(t, "dev")).orElse(null);
    return switch (type) {
      case "network" -> network(nic, required(source, "network", where), value(source, "bridge").orElse(null), target,
          what, where);
      case "bridge" -> Optional.of(new Plug(nic, Endpoint.of(lab.tapOn(
          lab.bridge(required(source, "bridge", where), null), target))));
      case "ethernet" -> Optional.of(new Plug(nic, Endpoint.of(lab.tap(target))));
      case "user" -> Optional.of(new Plug(nic, Endpoint.of(user(iface, where))));
      case "server", "client" -> pointToPoint(nic, sockets.tcp(type.equals("server"),
          value(source, "address").orElse(null), required(source, "port", where), where), type, what);
      case "udp" -> pointToPoint(nic, sockets.udp(one(source, "local").flatMap(l -> value(l, "address"))
          .orElse(null), one(source, "local").flatMap(l -> value(l, "port")).orElse(null),
          required(source, "port", where), where), type, what);
      case "mcast" -> Optional.of(new Plug(nic, sockets.mcast(required(source, "address", where),
          required(source, "port", where), where)));
      default -> {
        lab.skip(new Skipped(what, "libvirt <interface type=" + Printable.quoted(type) + ">",
            "not an interface type libvirt documents for QEMU; nothing to draw"));
        yield Optional.empty();
      }
    };
  }

  private Optional<Plug> pointToPoint(Nic nic, Optional<Endpoint> side, String type, String what) {
    if (side.isEmpty()) {
      lab.skip(new Skipped(what, "libvirt <interface type='" + type + "'>", "a third interface on one"
          + " socket: a QEMU socket joins two ends; join more guests with a VDE switch or a multicast socket"));
      return Optional.empty();
    }
    return Optional.of(new Plug(nic, side.get()));
  }

  /** {@code bridge}: the network's bridge as a running domain's dumpxml names it, if it does. */
  private Optional<Plug> network(Nic nic, String networkName, String bridge, String target, String what,
      String where) {
    LibvirtNetwork net = lab.networks.computeIfAbsent(networkName, n -> assumed(n, bridge, where));
    if (net.skipped() != null) {
      lab.skip(new Skipped(what, "libvirt <interface type='network'>", "on network "
          + Printable.quoted(networkName) + ", which is skipped: " + net.skipped().why()));
      return Optional.empty();
    }
    Nic n = net.dhcp() ? nic.withIp(IpConfig.dhcp()) : nic;
    return Optional.of(new Plug(n, Endpoint.of(lab.tapOn(net.bridgeId(), target))));
  }

  /**
   * A network no file defines: libvirt's stock "default", or an address-less bridge; named as the
   * domain's {@code <source bridge>} says, else virbr0 for "default" and the network's name for others.
   */
  private LibvirtNetwork assumed(String name, String bridgeName, String where) {
    if (name.equals("default")) {
      String kernelName = bridgeName == null ? "virbr0" : bridgeName;
      lab.warn(where + ": network 'default' is in none of the files; libvirt's stock one assumed: bridge "
          + Printable.line(kernelName) + ", 192.168.122.1/24, NAT out of " + NetworkReader.ASSUMED_UPLINK + ", DHCP;"
          + " add `virsh net-dumpxml default` to the import to take the host's own");
      String bridge = lab.bridge(kernelName, "192.168.122.1/24");
      lab.forward("192.168.122.0/24", lab.uplink(NetworkReader.ASSUMED_UPLINK));
      return LibvirtNetwork.on(name, bridge, true);
    }
    lab.warn(where + ": network " + Printable.quoted(name) + " is in none of the files; drawn as a bridge"
        + " without address or forwarding: add `virsh net-dumpxml " + Printable.line(name) + "` to the import");
    return LibvirtNetwork.on(name, lab.bridge(bridgeName == null ? name : bridgeName, null), false);
  }

  /**
   * Slirp with the subnet an {@code <ip family='ipv4' address prefix>} gives (else QEMU's 10.0.2.0/24)
   * and the interface's port forwards.
   */
  private String user(JsonNode iface, String where) {
    UserNet d = UserNet.defaults(null, null);
    String id = lab.freshId("user");
    if (one(iface, "backend").flatMap(b -> value(b, "type")).filter("passt"::equals).isPresent()) {
      lab.warn(where + ": the passt backend is drawn as QEMU's user net (slirp), which does the same for a guest");
    }
    List<HostForward> forwards = PortForwards.read(iface, where, lab.warnings());
    Optional<JsonNode> ip = one(iface, "ip").filter(n -> value(n, "family").orElse("ipv4").equals("ipv4"));
    if (ip.isEmpty()) {
      return lab.add(new UserNet(id, id, d.net(), d.host(), d.dns(), d.dhcpStart(), forwards));
    }
    String text = value(ip.get(), "address").orElse("") + "/" + value(ip.get(), "prefix").orElse("24");
    Cidr net = Cidr.parse(text).filter(c -> c.prefix() <= 29).orElseThrow(() -> new ImportException(where
        + ": user network " + Printable.quoted(text) + " is not an IPv4 subnet of /29 or larger"))
        .network();
    Ipv4 base = net.address();
    return lab.add(new UserNet(id, id, net.toString(), base.plus(2).toString(), base.plus(3).toString(),
        base.plus(net.prefix() <= 27 ? 15 : 4).toString(), forwards));
  }

  private static String required(JsonNode source, String attribute, String where) {
    return value(source, attribute).orElseThrow(() -> new ImportException(where + ": <source> needs a "
        + attribute + " attribute"));
  }
}
