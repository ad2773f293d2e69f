package dev.patchbay.model.reach;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3.HostIf;
import dev.patchbay.model.reach.Layer3.NicAddress;
import dev.patchbay.model.reach.Segments.Segment;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Uplink;
import java.util.List;
import java.util.Optional;

/** The sentences reachability answers are made of, in one place so they read alike. */
final class Wording {
  private Wording() {}

  static String nic(NicAddress n) {
    return "guest " + dev.patchbay.model.text.Printable.name(n.guest().name()) + " (" + n.end() + ")";
  }

  static String noAddress(Layer3 l3, NicAddress n) {
    if (n.nic().ip().mode() == IpConfig.Mode.DHCP) {
      return nic(n) + " asks for DHCP but no DHCP server is on its segment (only user net or the LAN serve one):"
          + " give it a static address";
    }
    if (n.nic().ip().isStatic()) {
      return nic(n) + " has a malformed address '" + n.nic().ip().address() + "'";
    }
    return nic(n) + " has no IPv4 address: configure one (static or DHCP)";
  }

  /** Two answer ARP for the LAN router's address: the router and a guest, or the host's proxy ARP for one. */
  static String routerContested(Ipv4 router, NicAddress guest, HostIf proxy) {
    String who = guest == null ? "something in the design" : nic(guest);
    String how = proxy == null ? who + " has the LAN router's address " + router + ", so both answer ARP for it"
        : "the host answers ARP for the LAN router's address " + router + " on " + proxy.id() + " (proxy ARP for "
            + who + "), and so does the router";
    return how + ": frames for it go to whichever answered last; give " + who + " an address the LAN does not use";
  }

  static String routerOwnAddress(Ipv4 router, NicAddress guest) {
    return "the LAN's router takes packets for " + router + " as its own, so they never reach " + nic(guest)
        + ", which has that address too: give it an address the LAN does not use";
  }

  static String wirelessBridge(Uplink u) {
    return "wireless uplink " + dev.patchbay.model.text.Printable.name(u.name()) + " (" + u.id() + ") is bridged, but the access point drops frames from"
        + " MACs it has not associated (proxy ARP over Wi-Fi): route with proxy ARP instead";
  }

  static String forwardOff() {
    return "enable ip_forward on the host (echo 1 > /proc/sys/net/ipv4/ip_forward)";
  }

  static String noDefault(Layer3 l3) {
    return l3.hostLanIf().isEmpty() ? " (it has no uplink on a LAN)" : "";
  }

  static String hiddenByNat(Cidr net, HostIf lanIf) {
    return net + " is hidden behind the host's NAT (masquerade out of " + lanIf.id()
        + "): the LAN cannot address it; add a port forward on the host, or route " + net + " on the LAN gateway"
        + " via " + lanIf.address().address() + " instead of masquerading, as the sample \"Routed subnets\" does";
  }

  static String nobodyAnswers(Layer3 l3, Segment seg, Ipv4 nh, HostIf sender) {
    String where = String.join("/", seg.elementIds().isEmpty() ? seg.nodes() : seg.elementIds());
    StringBuilder sb = new StringBuilder("nothing on segment " + where + " answers ARP for " + nh);
    List<HostIf> ifs = l3.hostIfsOn(seg);
    if (ifs.isEmpty()) {
      if (sender == null) {
        sb.append(": the segment does not reach the host (add a tap)");
      }
    } else if (ifs.stream().noneMatch(l3::proxyArp)) {
      sb.append(proxyArpFits(l3, seg, nh) ? proxyArpMissing(l3, seg, nh, ifs.get(0)) : nobodyHas(nh, ifs));
    } else if (l3.hostRoute(nh).filter(r -> !ifs.contains(r.out())).isEmpty()) {
      sb.append(": proxy ARP answers only with a host route for ").append(nh)
          .append(" through the tap it is behind (route add -host ").append(nh).append(" tapN, as in proxy ARP over Wi-Fi)");
    }
    return sb.toString();
  }

  /**
   * Proxy ARP is the remedy only where the design is a proxy-ARP one: the host proxies somewhere
   * already, or an address of the LAN's subnet sits on the other side of the host from the asker
   * (a guest with a LAN address behind a tap, or a tap's guest asking for a LAN machine).
   */
  private static boolean proxyArpFits(Layer3 l3, Segment seg, Ipv4 nh) {
    if (!l3.settings().proxyArp().isEmpty()) {
      return true;
    }
    Optional<Cidr> lanNet = l3.lanSubnet();
    if (lanNet.isEmpty() || !lanNet.get().contains(nh)) {
      return false;
    }
    if (l3.isLanSegment(seg)) {
      return l3.nicsAt(nh).stream().anyMatch(n -> !l3.isLanSegment(n.segment()));
    }
    return l3.nicsOn(seg).stream().anyMatch(n -> n.address() != null && lanNet.get().contains(n.address().address()));
  }

  private static String proxyArpMissing(Layer3 l3, Segment seg, Ipv4 nh, HostIf on) {
    Optional<HostIf> behind = l3.nicsAt(nh).stream().filter(n -> n.segment() != seg)
        .flatMap(n -> l3.hostIfsOn(n.segment()).stream()).findFirst();
    if (behind.isPresent()) {
      return ": enable proxy_arp on " + on.id() + " with a host route for " + nh + " through " + behind.get().id()
          + " (route add -host " + nh + " " + behind.get().id() + ", as in proxy ARP over Wi-Fi)";
    }
    if (l3.isLanSegment(seg)) {
      return ": enable proxy_arp on " + on.id() + " with a host route for " + nh + " through the tap it is behind"
          + " (as in proxy ARP over Wi-Fi)";
    }
    return ": enable proxy_arp on " + on.id() + ", so that the host answers for " + nh + " and routes it to the LAN"
        + " (as in proxy ARP over Wi-Fi)";
  }

  /** Outside proxy-ARP designs nothing stands in for an address: say so, and what the host has there. */
  private static String nobodyHas(Ipv4 nh, List<HostIf> ifs) {
    List<String> own = ifs.stream().filter(h -> h.address() != null).map(h -> h.address().address() + " on " + h.id())
        .toList();
    return ": no NIC or host interface there has " + nh + (own.isEmpty() ? "" : " (the host has " + String.join(", ", own)
        + ")");
  }
}
