package dev.patchbay.model.reach;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3.HostIf;
import dev.patchbay.model.reach.Layer3.HostRoute;
import dev.patchbay.model.reach.Layer3.NicAddress;
import dev.patchbay.model.reach.Segments.Segment;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Moves a packet through a design the way Linux and QEMU would: ARP on a segment (who answers for
 * the next hop, including the host's proxy ARP), the host's routing table, ip_forward, masquerade,
 * the LAN's gateway with its routes, and slirp's NAT. Each method extends a {@link Walk}.
 */
final class Tracer {
  /** Stands for "a machine on the Internet": a documentation address, routed like any public one. */
  static final Ipv4 INTERNET_HOST = Ipv4.of("203.0.113.10");

  private final Layer3 l3;

  Tracer(Layer3 l3) {
    this.l3 = l3;
  }

  // ---- senders -------------------------------------------------------------------------------

  /** A guest OS sends from one NIC: on-link directly, anything else to its default gateway. */
  Walk fromGuest(NicAddress n, Ipv4 dst, boolean reply) {
    Walk w = new Walk(reply, n.address() == null ? null : n.address().address(), n.node());
    if (n.address() == null) {
      w.fail(Wording.noAddress(l3, n));
      return w;
    }
    Ipv4 nh = dst;
    if (!n.address().contains(dst)) {
      Optional<Ipv4> gw = gatewayOf(n, w);
      if (gw.isEmpty()) {
        return w;
      }
      nh = gw.get();
    }
    onSegment(n.segment(), null, nh, dst, w);
    return w;
  }

  private Optional<Ipv4> gatewayOf(NicAddress n, Walk w) {
    // Most NICs have a reachable gateway: their wording is built only for a message.
    if (n.gateway() == null) {
      Optional<Ipv4> suggestion = suggestedGateway(n);
      w.missing("give " + Wording.nic(n) + " a default gateway" + suggestion.map(g -> " (" + g + ")").orElse(""));
      if (suggestion.isEmpty()) {
        w.stopped = true;
      }
      return suggestion;
    }
    if (!n.address().contains(n.gateway())) {
      w.fail("gateway " + n.gateway() + " of " + Wording.nic(n) + " is not on its subnet " + n.address().network()
          + ": the guest cannot ARP for it");
      return Optional.empty();
    }
    return Optional.of(n.gateway());
  }

  /** The host's address on the NIC's segment, or slirp's gateway: what a user would set. */
  Optional<Ipv4> suggestedGateway(NicAddress n) {
    Optional<Ipv4> user = l3.userNetsOn(n.segment()).stream().findFirst().flatMap(u -> Ipv4.parse(u.host()));
    if (user.isPresent()) {
      return user;
    }
    return l3.hostIfsOn(n.segment()).stream().filter(h -> h.address() != null)
        .map(h -> h.address().address()).filter(a -> n.address().contains(a)).findFirst();
  }

  /** The host's own stack sends (ping from the host, an ssh client on the host). */
  Walk fromHost(Ipv4 dst, boolean reply) {
    Walk w = new Walk(reply, null, "host");
    Optional<HostRoute> r = l3.hostRoute(dst);
    if (r.isEmpty()) {
      w.fail("the host has no route to " + dst);
      return w;
    }
    w.src = sourceAddress(r.get().out());
    hostOut(r.get(), dst, w);
    return w;
  }

  /** Linux picks the outgoing interface's address, else one from another interface. */
  private Ipv4 sourceAddress(HostIf out) {
    if (out.address() != null) {
      return out.address().address();
    }
    return l3.hostLanIf().filter(h -> h.address() != null).map(h -> h.address().address())
        .orElseGet(() -> l3.hostIfs().stream().filter(h -> h.address() != null).map(h -> h.address().address())
            .findFirst().orElse(null));
  }

  /** A machine on the LAN sends: on-link within the LAN's subnet, else to the LAN's gateway. */
  Walk fromLan(Ipv4 src, Ipv4 dst, boolean reply) {
    Lan lan = l3.lan().orElseThrow();
    Walk w = new Walk(reply, src, lan.id());
    Optional<Cidr> subnet = l3.lanSubnet();
    Optional<Ipv4> gw = l3.lanGateway();
    if (subnet.isPresent() && subnet.get().contains(dst)) {
      onSegment(l3.lanSegment().orElseThrow(), null, dst, dst, w);
    } else if (gw.isPresent()) {
      gatewayForward(dst, w);
    } else {
      w.fail("LAN " + dev.patchbay.model.text.Printable.name(lan.name()) + " has no gateway address");
    }
    return w;
  }

  /** A machine on the Internet sends; its packets enter at the LAN's gateway. */
  Walk fromInternet(Ipv4 dst, boolean reply) {
    Walk w = new Walk(reply, INTERNET_HOST, "internet");
    if (!l3.internetLinked()) {
      w.fail("the LAN is not linked to the Internet");
      return w;
    }
    w.go(l3.lan().orElseThrow().id());
    gatewayForward(dst, w);
    return w;
  }

  // ---- one segment ---------------------------------------------------------------------------

  /** The frame is on a segment for next hop nh; whoever answers ARP for nh takes it. */
  void onSegment(Segment seg, HostIf sender, Ipv4 nh, Ipv4 dst, Walk w) {
    if (w.tooLong() || routerContested(seg, sender, nh, w)) {
      return;
    }
    NicAddress guest = guestAnswering(seg, nh, w.at);
    if (guest != null) {
      if (!crossesAir(seg, false, w)) {
        toGuest(seg, guest, dst, w);
      }
      return;
    }
    List<UserNet> users = l3.userNetsOn(seg);
    for (int i = 0; i < users.size(); i++) {
      UserNet u = users.get(i);
      if (nh.equals(Ipv4.parse(u.host()).orElse(null)) || nh.equals(Ipv4.parse(u.dns()).orElse(null))) {
        toUserNet(u, dst, w);
        return;
      }
    }
    if (l3.isHostLocal(nh)) {
      List<HostIf> ifs = l3.hostIfsOn(seg);
      for (int i = 0; i < ifs.size(); i++) {
        if (ifs.get(i) != sender) {
          toHost(ifs.get(i), dst, w);
          return;
        }
      }
    }
    if (onLan(seg) && isLanMember(nh)) {
      if (!crossesAir(seg, true, w)) {
        toLanMember(nh, dst, w);
      }
      return;
    }
    Optional<HostIf> proxy = l3.hostIfsOn(seg).stream().filter(h -> h != sender && proxies(h, nh)).findFirst();
    if (proxy.isPresent()) {
      toHost(proxy.get(), dst, w);
      return;
    }
    w.fail(Wording.nobodyAnswers(l3, seg, nh, sender));
  }

  /**
   * On the LAN, someone in the design answers ARP for the router's address as well: a guest given
   * that address, or the host by proxy ARP for a guest behind a tap. The frame goes to whoever
   * answered last, so nothing that needs the router (or that guest) works reliably. The host asking
   * itself gets only the router's answer: it does not proxy for its own requests.
   */
  private boolean routerContested(Segment seg, HostIf sender, Ipv4 nh, Walk w) {
    Optional<Ipv4> router = l3.lanGateway();
    if (router.isEmpty() || !router.get().equals(nh) || !onLan(seg)) {
      return false;
    }
    NicAddress guest = guestAnswering(seg, nh, w.at);
    HostIf proxy = null;
    List<HostIf> ifs = guest == null && sender == null ? l3.hostIfsOn(seg) : List.of();
    for (int i = 0; i < ifs.size() && proxy == null; i++) {
      proxy = proxies(ifs.get(i), nh) ? ifs.get(i) : null;
    }
    if (guest == null && proxy == null) {
      return false;
    }
    w.fail(Wording.routerContested(nh, guest != null ? guest : l3.nicAt(nh).orElse(null), proxy));
    return true;
  }

  /**
   * The first NIC in file order with the address on this segment, other than the sender: the one
   * whose ARP reply wins. Asked for every packet; a loop over the address's few holders, no streams.
   */
  private NicAddress guestAnswering(Segment seg, Ipv4 nh, String sender) {
    List<NicAddress> holders = l3.holdersOf(nh);
    for (int i = 0; i < holders.size(); i++) {
      NicAddress n = holders.get(i);
      if (n.segment() == seg && !n.node().equals(sender)) {
        return n;
      }
    }
    return null;
  }

  /**
   * The frame crosses its segment to a node. A reply's path is never shown, so it only moves there
   * (when the node is on the walk's segment, as the path would), without looking the path up.
   */
  private void along(Walk w, String node) {
    if (w.reply) {
      if (l3.segments().together(w.at, node)) {
        w.at = node;
      }
    } else {
      w.go(l3.segments().path(w.at, node));
    }
  }

  private boolean onLan(Segment seg) {
    return l3.isLanSegment(seg);
  }

  /** Frames from guests' MACs never cross a wireless uplink: the access point drops them (proxy ARP over Wi-Fi). */
  private boolean wirelessBridged() {
    return l3.uplink().filter(u -> u.medium() == Uplink.Medium.WIRELESS)
        .flatMap(u -> l3.hostIf(u.id())).filter(h -> !h.routes()).isPresent();
  }

  /**
   * A guest's frame and a LAN machine's frame meet across a bridged wireless uplink: the access
   * point drops frames from MACs it has not associated (proxy ARP over Wi-Fi), so they never arrive.
   */
  private boolean crossesAir(Segment seg, boolean ownerOnLan, Walk w) {
    if (!onLan(seg) || !wirelessBridged()) {
      return false;
    }
    boolean fromLan = w.at.equals(l3.lan().orElseThrow().id());
    boolean fromGuest = w.at.indexOf(':') > 0;
    if ((ownerOnLan && fromGuest) || (!ownerOnLan && fromLan)) {
      w.fail(Wording.wirelessBridge(l3.uplink().orElseThrow()));
      return true;
    }
    return false;
  }

  /** The LAN's gateway, or a LAN machine: an address of the LAN's subnet nobody in the design has. */
  private boolean isLanMember(Ipv4 nh) {
    if (l3.lanGateway().filter(nh::equals).isPresent()) {
      return true;
    }
    boolean claimed = l3.hostLocal(nh).isPresent() || l3.nicAt(nh).isPresent();
    return !claimed && l3.lanSubnet().filter(s -> s.contains(nh)).isPresent();
  }

  private void toLanMember(Ipv4 nh, Ipv4 dst, Walk w) {
    along(w, l3.lan().orElseThrow().id());
    if (l3.lanGateway().filter(nh::equals).isPresent() && !nh.equals(dst)) {
      gatewayForward(dst, w);
    } else if (nh.equals(dst)) {
      w.deliver("lan");
    } else {
      w.fail("a machine on the LAN at " + nh + " does not route");
    }
  }

  /**
   * Linux proxy ARP: an interface with proxy_arp answers for an address the host routes out of a
   * different interface. (The kernel also wants forwarding on; {@link #toHost} reports that.)
   */
  private boolean proxies(HostIf h, Ipv4 nh) {
    if (!l3.proxyArp(h)) {
      return false;
    }
    return l3.hostRoute(nh).filter(r -> r.out() != h).isPresent();
  }

  private void toGuest(Segment seg, NicAddress n, Ipv4 dst, Walk w) {
    along(w, n.node());
    if (n.address().address().equals(dst)) {
      w.deliver(n.node());
    } else {
      w.fail("guest " + dev.patchbay.model.text.Printable.name(n.guest().name()) + " (" + n.guest().id() + ") is a gateway here but does not route");
    }
  }

  private void toUserNet(UserNet u, Ipv4 dst, Walk w) {
    along(w, u.id());
    if (dst.equals(Ipv4.parse(u.host()).orElse(null)) || dst.equals(Ipv4.parse(u.dns()).orElse(null))) {
      // Slirp answers for the host itself and carries the reply back through its own socket.
      w.natted = true;
      w.go("host");
      w.deliver("host");
      return;
    }
    if (Cidr.parse(u.net()).filter(c -> c.contains(dst)).isPresent()) {
      w.fail("nothing answers for " + dst + " on user net " + dev.patchbay.model.text.Printable.name(u.name()) + " (" + u.id() + ")");
      return;
    }
    // Slirp opens a socket on the host like any application: the host's routing takes over.
    w.note("TCP and UDP only: ping from a user-net guest is unreliable (as the sample \"User net with a host forward\" says)");
    w.natted = true;
    w.go("host");
    Optional<HostRoute> r = l3.hostRoute(dst);
    if (r.isEmpty()) {
      w.fail("the host has no route to " + dst);
      return;
    }
    w.src = sourceAddress(r.get().out());
    hostOut(r.get(), dst, w);
  }

  // ---- the host as router --------------------------------------------------------------------

  private void toHost(HostIf in, Ipv4 dst, Walk w) {
    along(w, in.id());
    if (l3.isHostLocal(dst)) {
      w.go("host");
      w.deliver("host");
      return;
    }
    if (w.natted) {
      if (w.reply) {
        w.deliver("host");
        return;
      }
      w.replyDiffers = true;
    }
    if (!l3.settings().ipForward()) {
      w.missing(Wording.forwardOff());
    }
    Optional<HostRoute> r = l3.hostRoute(dst);
    if (r.isEmpty()) {
      w.fail("the host has no route to " + dst + Wording.noDefault(l3));
      return;
    }
    w.go("host");
    hostOut(r.get(), dst, w);
  }

  private void hostOut(HostRoute r, Ipv4 dst, Walk w) {
    HostIf out = r.out();
    if (!w.reply && !w.natted && w.src != null && l3.natFor(w.src, out).isPresent() && out.address() != null) {
      w.go("NAT");
      w.src = out.address().address();
      w.natted = true;
      w.replyDiffers = true;
    }
    w.go(out.id());
    onSegment(out.segment(), out, r.via() != null ? r.via() : dst, dst, w);
  }

  // ---- the LAN's gateway ---------------------------------------------------------------------

  /** The LAN's router: the LAN subnet, its routes (the routed-tun scenario's route back), else the Internet. */
  void gatewayForward(Ipv4 dst, Walk w) {
    if (w.tooLong()) {
      return;
    }
    Segment lanSeg = l3.lanSegment().orElseThrow();
    Optional<Ipv4> router = l3.lanGateway();
    if (router.isPresent() && router.get().equals(dst) && l3.nicAt(dst).isPresent()) {
      // The router takes a packet for its own address as its own: it never reaches the guest.
      w.fail(Wording.routerOwnAddress(dst, l3.nicAt(dst).get()));
      return;
    }
    if (l3.lanSubnet().filter(s -> s.contains(dst)).isPresent()) {
      onSegment(lanSeg, null, dst, dst, w);
      return;
    }
    Optional<Lan.Route> route = l3.lan().orElseThrow().routes().stream()
        .filter(r -> Cidr.parse(r.destination()).filter(c -> c.contains(dst)).isPresent())
        .max(Comparator.comparingInt(r -> Cidr.parse(r.destination()).orElseThrow().prefix()));
    Optional<Ipv4> via = route.flatMap(r -> Ipv4.parse(r.via()));
    if (via.isPresent()) {
      onSegment(lanSeg, null, via.get(), dst, w);
    } else if (!Addresses.isPrivate(dst) || dst.equals(INTERNET_HOST)) {
      toInternet(w);
    } else {
      noRouteBack(lanSeg, dst, w);
    }
  }

  private void toInternet(Walk w) {
    if (!l3.internetLinked()) {
      w.fail("the LAN is not linked to the Internet");
      return;
    }
    w.go("internet");
    w.deliver("internet");
  }

  /**
   * The gateway does not know a private subnet behind the host. Outside the design's reach (the
   * user may not own the router: the routed-tun scenario), so it is a condition; except when the host hides the
   * subnet behind NAT on purpose (the NAT-routing scenario): then the LAN cannot reach it, full stop.
   */
  private void noRouteBack(Segment lanSeg, Ipv4 dst, Walk w) {
    Optional<HostIf> lanIf = l3.hostLanIf().filter(h -> h.address() != null);
    if (lanIf.isEmpty()) {
      w.fail("the LAN's gateway has no route to " + dst + " and the host has no address on the LAN");
      return;
    }
    Optional<Cidr> guestNet = l3.nics().stream().map(NicAddress::address)
        .filter(a -> a != null && a.contains(dst)).map(Cidr::network).findFirst();
    if (guestNet.isEmpty()) {
      w.fail("nothing in the design or on the LAN has " + dst + ", and the LAN's gateway has no route to it");
      return;
    }
    Cidr net = guestNet.get();
    if (!w.reply && l3.natFor(dst, lanIf.get()).isPresent()) {
      w.replyDiffers = true;
      w.fail(Wording.hiddenByNat(net, lanIf.get()));
      return;
    }
    w.condition("the LAN gateway routes " + net + " via " + lanIf.get().address().address());
    onSegment(lanSeg, null, lanIf.get().address().address(), dst, w);
  }
}
