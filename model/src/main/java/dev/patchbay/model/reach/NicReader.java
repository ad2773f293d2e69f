package dev.patchbay.model.reach;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3.NicAddress;
import dev.patchbay.model.reach.Layer3.Origin;
import dev.patchbay.model.reach.Segments.Segment;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.UserNet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The address a NIC's guest OS ends up with: static, a DHCP lease of user net or of the LAN, or none. */
final class NicReader {
  private final Layer3 l3;

  NicReader(Layer3 l3) {
    this.l3 = l3;
  }

  /**
   * DHCP leases handed out so far, counted while the NICs are read in file order. Leases on a
   * segment depend only on the NICs of that segment before it, so a segment can be read again alone.
   */
  static final class Leases {
    final Map<Segment, Integer> userDhcp = new HashMap<>();
    int lanDhcp;
  }

  NicAddress read(Guest g, Nic n, Leases leases) {
    Endpoint end = Endpoint.of(g.id(), n.name());
    Segment seg = l3.segments().of(end).orElseThrow();
    IpConfig ip = n.ip();
    if (ip.isStatic()) {
      return new NicAddress(g, n, end, seg, Cidr.parse(ip.address()).orElse(null),
          Ipv4.parse(ip.gateway()).orElse(null), Origin.STATIC);
    } else if (ip.mode() == IpConfig.Mode.DHCP) {
      return dhcp(g, n, end, seg, leases);
    }
    return new NicAddress(g, n, end, seg, null, null, Origin.NONE);
  }

  /** Slirp hands out dhcpStart, dhcpStart+1, ... in the order NICs ask; the LAN's server something free. */
  private NicAddress dhcp(Guest g, Nic n, Endpoint end, Segment seg, Leases leases) {
    Optional<UserNet> user = l3.userNetsOn(seg).stream().findFirst();
    if (user.isPresent()) {
      UserNet u = user.get();
      Optional<Cidr> net = Cidr.parse(u.net());
      Optional<Ipv4> start = Ipv4.parse(u.dhcpStart());
      if (net.isPresent() && start.isPresent()) {
        int before = leases.userDhcp.merge(seg, 1, Integer::sum) - 1;
        return new NicAddress(g, n, end, seg, new Cidr(start.get().plus(before), net.get().prefix()),
            Ipv4.parse(u.host()).orElse(null), Origin.USER_DHCP);
      }
    }
    if (l3.lanSegment().filter(x -> x == seg).isPresent() && l3.lanSubnet().isPresent()) {
      Cidr subnet = l3.lanSubnet().get();
      int before = leases.lanDhcp++;
      Ipv4 a = subnet.network().address().plus(200 + before);
      return new NicAddress(g, n, end, seg, new Cidr(a, subnet.prefix()), l3.lanGateway().orElse(null), Origin.LAN_DHCP);
    }
    return new NicAddress(g, n, end, seg, null, null, Origin.NONE);
  }

}
