package dev.patchbay.model.importer.libvirt;

import static dev.patchbay.model.importer.xml.XmlNodes.all;
import static dev.patchbay.model.importer.xml.XmlNodes.one;
import static dev.patchbay.model.importer.xml.XmlNodes.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.importer.xml.XmlTree;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.text.Printable;
import java.util.Optional;

/**
 * One {@code virsh net-dumpxml} file: the network's bridge with the host's address on it, and what
 * its forward mode makes the host do (formatnetwork.html, "Connectivity"). nat: forwarding and
 * masquerade out of the uplink (like the NAT-behind-a-bridge sample); route and open: forwarding
 * only; no {@code <forward>}: an isolated bridge; bridge: the host's existing bridge. The macvtap
 * and passthrough modes hand a host NIC to the guest and are skipped.
 */
final class NetworkReader {
  /** The uplink assumed when a NAT or routed network names none: libvirt uses the host's default route. */
  static final String ASSUMED_UPLINK = "eth0";

  private final LibvirtLab lab;

  NetworkReader(LibvirtLab lab) {
    this.lab = lab;
  }

  void read(XmlTree.Document doc) {
    JsonNode net = doc.content();
    String name = value(net, "name").orElseThrow(() -> new ImportException(doc.file() + ": <network> has no <name>"));
    String where = doc.file() + ": network " + Printable.quoted(name);
    if (lab.networks.containsKey(name)) {
      throw new ImportException(where + " is defined twice; each network name names one network");
    }
    Optional<JsonNode> forward = one(net, "forward");
    String mode = forward.flatMap(f -> value(f, "mode")).orElse(forward.isPresent() ? "nat" : "isolated");
    Optional<String> bridgeName = one(net, "bridge").flatMap(b -> value(b, "name"));
    if (one(net, "virtualport").flatMap(v -> value(v, "type")).filter("openvswitch"::equals).isPresent()) {
      lab.networks.put(name, skip(name, mode, "an Open vSwitch bridge", where));
      return;
    }
    lab.networks.put(name, switch (mode) {
      case "nat", "route", "open", "isolated" -> routed(net, name, mode, bridgeName, forward, where);
      case "bridge" -> bridgeName.isPresent()
          ? LibvirtNetwork.on(name, lab.bridge(bridgeName.get(), null), false)
          : skip(name, "bridge", "macvtap onto a host NIC (forward mode bridge with no bridge name)", where);
      case "private", "vepa", "passthrough" -> skip(name, mode, "macvtap onto a host NIC", where);
      case "hostdev" -> skip(name, mode, "PCI passthrough of host NICs (SR-IOV)", where);
      default -> throw new ImportException(where + ": forward mode " + Printable.quoted(mode) + " is not one libvirt"
          + " defines; expected nat, route, open, bridge, private, vepa, passthrough or hostdev");
    });
  }

  private LibvirtNetwork routed(JsonNode net, String name, String mode, Optional<String> bridgeName,
      Optional<JsonNode> forward, String where) {
    String kernelName = bridgeName.orElseGet(() -> {
      lab.warn(where + " names no bridge (libvirt picks virbrN when it starts it); drawn as "
          + Printable.quoted(name));
      return name;
    });
    Ipv4Block ip = ipv4(net, where);
    String bridgeId = lab.bridge(kernelName, ip == null ? null : ip.address().toString());
    if (!mode.equals("isolated")) {
      String dev = forward.flatMap(f -> value(f, "dev")).orElseGet(() -> {
        lab.warn(where + ": forward mode " + mode + " names no dev (libvirt uses the host's default route);"
            + " uplink " + ASSUMED_UPLINK + " assumed: rename it to the host's");
        return ASSUMED_UPLINK;
      });
      String uplink = lab.uplink(dev);
      boolean nat = mode.equals("nat");
      lab.forward(nat && ip != null ? ip.address().network().toString() : null, uplink);
      if (!nat && ip != null) {
        lab.warn(where + ": routed (" + mode + "): the LAN's router needs a route to "
            + ip.address().network() + " via this host for replies to come back");
      }
    }
    if (ip != null && ip.dhcp()) {
      lab.warn(where + " hands out addresses by DHCP (libvirt's dnsmasq); Patchbay runs no DHCP server on a"
          + " bridge, so its guests' NICs ask for DHCP and `check` reports them: give them static addresses");
    }
    return LibvirtNetwork.on(name, bridgeId, ip != null && ip.dhcp());
  }

  private LibvirtNetwork skip(String name, String mode, String what, String where) {
    Skipped s = new Skipped(name, "libvirt network, forward mode " + mode, what + " cannot be drawn; Patchbay's way"
        + " onto the LAN is a bridge with the uplink and a tap per guest (the bridged-LAN sample)");
    lab.skip(s);
    return LibvirtNetwork.skipped(name, s);
  }

  /** The host's IPv4 address on the bridge (the first {@code <ip>} of family ipv4) and whether DHCP serves it. */
  record Ipv4Block(Cidr address, boolean dhcp) {}

  private Ipv4Block ipv4(JsonNode net, String where) {
    Ipv4Block found = null;
    for (JsonNode ip : all(net, "ip")) {
      String family = value(ip, "family").orElse("ipv4");
      if (!family.equals("ipv4") || found != null) {
        lab.warn(where + ": <ip> " + Printable.quoted(value(ip, "address").orElse("")) + " not drawn ("
            + (family.equals("ipv4") ? "a bridge here has one address" : "Patchbay draws IPv4 only") + ")");
        continue;
      }
      found = new Ipv4Block(cidr(ip, where), one(ip, "dhcp").flatMap(d -> one(d, "range")).isPresent());
    }
    return found;
  }

  private static Cidr cidr(JsonNode ip, String where) {
    String text = value(ip, "address").orElseThrow(() -> new ImportException(where + ": <ip> has no address"));
    Ipv4 address = Ipv4.parse(text).orElseThrow(() -> new ImportException(where + ": <ip address="
        + Printable.quoted(text) + "> is not an IPv4 address"));
    Optional<String> prefix = value(ip, "prefix");
    int length = prefix.isPresent() ? prefixLength(prefix.get(), where)
        : maskLength(value(ip, "netmask").orElse("255.255.255.0"), where);
    return new Cidr(address, length);
  }

  private static int prefixLength(String text, String where) {
    if (!text.matches("[0-9]{1,2}") || Integer.parseInt(text) > 32) {
      throw new ImportException(where + ": <ip prefix=" + Printable.quoted(text) + "> is not 0 to 32");
    }
    return Integer.parseInt(text);
  }

  private static int maskLength(String text, String where) {
    Optional<Ipv4> mask = Ipv4.parse(text);
    int bits = mask.map(Ipv4::bits).orElse(1);
    int length = Integer.bitCount(bits);
    if (mask.isEmpty() || (length > 0 && bits != -1 << (32 - length))) {
      throw new ImportException(where + ": <ip netmask=" + Printable.quoted(text) + "> is not a netmask such as"
          + " 255.255.255.0");
    }
    return length;
  }
}
