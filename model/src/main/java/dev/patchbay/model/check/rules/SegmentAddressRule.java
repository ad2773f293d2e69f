package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Analysis;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.KeyedFindings;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.Scope;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.edit.CompoundCommand;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3;
import dev.patchbay.model.reach.Layer3.HostIf;
import dev.patchbay.model.reach.Layer3.NicAddress;
import dev.patchbay.model.reach.Segments.Segment;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Addresses against their segment: inside its subnet, unique, with a gateway someone answers for. */
public final class SegmentAddressRule implements Rule {
  static final RuleInfo OUTSIDE = new RuleInfo("addr.outside-segment", Severity.ERROR,
      "A guest talks directly only to addresses of its own subnet; the host's address on the segment (the tap or"
          + " bridge) fixes that subnet. \"The settings should now match the target of the TAP\" (the sample \"TAP: host and guest only\").");
  static final RuleInfo DUPLICATE = new RuleInfo("addr.duplicate", Severity.ERROR,
      "One IPv4 address on two interfaces makes ARP answer twice and traffic go to either; give every guest its own"
          + " (\"make sure you give the guests unique mac and IP addresses\", NAT behind a bridge).");
  static final RuleInfo GATEWAY_OFF = new RuleInfo("gateway.off-segment", Severity.ERROR,
      "A default gateway must be on the guest's own subnet or the guest cannot ARP for it; \"the gateway address for"
          + " the guest OS will be the tun address\" (the sample \"Routed tun\"). \"Improper gateway address set ups on the guest"
          + " machine\" are the other most common failure.");
  static final RuleInfo GATEWAY_NOBODY = new RuleInfo("gateway.nobody", Severity.WARNING,
      "Nothing on the guest's segment has its gateway's address (not the host, not another machine, not the LAN's"
          + " router), so traffic for other subnets goes nowhere.");
  static final RuleInfo GATEWAY_MISSING = new RuleInfo("gateway.missing", Severity.WARNING,
      "The host forwards for this guest's subnet, but the guest has no default gateway, so it never sends it"
          + " anything for other subnets: \"The gateway address for the guest OS will be the tun address\" (the sample \"Routed tun\").");
  static final RuleInfo DHCP_NO_SERVER = new RuleInfo("addr.dhcp-no-server", Severity.WARNING,
      "Only QEMU's user net and the real LAN answer DHCP here; a DHCP guest elsewhere gets no address.");

  @Override
  public String id() {
    return "segment-address";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(OUTSIDE, DUPLICATE, GATEWAY_OFF, GATEWAY_NOBODY, GATEWAY_MISSING, DHCP_NO_SERVER);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    return check(new Analysis(t));
  }

  @Override
  public List<Diagnostic> check(Analysis design) {
    return checkKeyed(design).list();
  }

  /** Findings per NIC (by position), then duplicates among the host's interfaces, then a NIC's duplicates. */
  private static final int PER_NIC = 0;
  private static final int HOST_DUPLICATES = 1;
  private static final int NIC_DUPLICATES = 2;

  /**
   * A NIC's address, gateway and DHCP findings read only its own segment; its duplicate finding
   * reads the NICs with its address and (for the fix) which addresses are taken anywhere.
   */
  @Override
  public boolean scopable() {
    return true;
  }

  @Override
  public KeyedFindings checkKeyed(Analysis design) {
    Layer3 l3 = design.layer3();
    KeyedFindings out = new KeyedFindings();
    List<NicAddress> nics = l3.nics();
    for (int p = 0; p < nics.size(); p++) {
      perNic(l3, nics.get(p), KeyedFindings.key(PER_NIC, p), out);
    }
    hostDuplicates(l3, out);
    for (int p = 0; p < nics.size(); p++) {
      nicDuplicate(l3, nics.get(p), KeyedFindings.key(NIC_DUPLICATES, p), out);
    }
    return out;
  }

  /**
   * Every NIC of the edited guests' segments again; the duplicate findings of the NICs that had or
   * have a changed address, and (as the free address a fix offers may have moved) every duplicate.
   */
  @Override
  public KeyedFindings checkScoped(Analysis design, Scope scope, KeyedFindings previous) {
    Layer3 l3 = design.layer3();
    KeyedFindings fresh = new KeyedFindings();
    Set<Long> again = new HashSet<>();
    for (Segment s : scope.segments()) {
      for (NicAddress n : l3.nicsOn(s)) {
        long key = KeyedFindings.key(PER_NIC, l3.position(n));
        again.add(key);
        perNic(l3, n, key, fresh);
      }
    }
    Set<Integer> places = new HashSet<>();
    scope.nics().forEach(c -> places.add(l3.position(c.after())));
    Set<Ipv4> addresses = scope.addresses();
    addresses.forEach(a -> l3.nicsAt(a).forEach(n -> places.add(l3.position(n))));
    if (!addresses.isEmpty()) {
      previous.keysIn(NIC_DUPLICATES).forEach(k -> places.add(KeyedFindings.place(k)));
    }
    for (int p : places) {
      long key = KeyedFindings.key(NIC_DUPLICATES, p);
      again.add(key);
      nicDuplicate(l3, l3.nics().get(p), key, fresh);
    }
    return previous.replacing(again, fresh);
  }

  private void perNic(Layer3 l3, NicAddress n, long key, KeyedFindings out) {
    if (n.origin() == Layer3.Origin.NONE && n.nic().ip().mode() == IpConfig.Mode.DHCP) {
      out.add(key, Names.finding(DHCP_NO_SERVER, Names.nic(n) + " asks for DHCP on a segment with no DHCP server",
          List.of(n.guest().id()), DHCP_NO_SERVER.explain(), "Give it a static address, or put user net on its hub."));
    }
    if (n.origin() != Layer3.Origin.STATIC || n.address() == null) {
      return;
    }
    outside(l3, n).ifPresent(d -> out.add(key, d));
    gateway(l3, n).ifPresent(d -> out.add(key, d));
  }

  /** The subnets the segment is known to carry: the host's, the LAN's, user net's. */
  private static List<Cidr> subnetsOf(Layer3 l3, Segment s) {
    List<Cidr> nets = new ArrayList<>();
    l3.hostIfsOn(s).stream().filter(h -> h.address() != null).forEach(h -> nets.add(h.address().network()));
    l3.lanSegment().filter(x -> x == s).flatMap(x -> l3.lanSubnet()).ifPresent(nets::add);
    l3.userNetsOn(s).forEach(u -> Cidr.parse(u.net()).ifPresent(c -> nets.add(c.network())));
    return nets;
  }

  private Optional<Diagnostic> outside(Layer3 l3, NicAddress n) {
    List<Cidr> nets = subnetsOf(l3, n.segment());
    Ipv4 a = n.address().address();
    if (nets.isEmpty()) {
      Optional<NicAddress> first = l3.nicsOn(n.segment()).stream()
          .filter(o -> o.origin() == Layer3.Origin.STATIC && o.address() != null).findFirst();
      if (first.isPresent() && first.get() != n && !first.get().address().contains(a)
          && !n.address().contains(first.get().address().address())) {
        return Optional.of(Names.finding(OUTSIDE, Names.nic(n) + " (" + n.address() + ") and " + Names.nic(first.get())
                + " (" + first.get().address() + ") share a segment but not a subnet",
            List.of(n.guest().id(), first.get().guest().id()), OUTSIDE.explain(),
            "Put both in one subnet, e.g. " + first.get().address().network() + "."));
      }
      return Optional.empty();
    }
    if (nets.stream().anyMatch(c -> c.contains(a))) {
      return Optional.empty();
    }
    List<String> ids = new ArrayList<>(List.of(n.guest().id()));
    l3.hostIfsOn(n.segment()).forEach(h -> ids.add(h.id()));
    return Optional.of(Names.finding(OUTSIDE, Names.nic(n) + " has " + n.address() + ", outside its segment's "
        + (nets.size() == 1 ? "subnet " + nets.get(0) : "subnets " + nets), ids, OUTSIDE.explain(),
        "Give " + n.end() + " an address inside " + nets.get(0) + "."));
  }

  private Optional<Diagnostic> gateway(Layer3 l3, NicAddress n) {
    Ipv4 gw = n.gateway();
    // On the LAN (a bridged LAN's guest) the gateway is the LAN's router; behind the host, the host's address.
    Optional<Ipv4> suggestion = l3.lanGateway().filter(g -> l3.isLanSegment(n.segment()) && n.address().contains(g))
        .or(() -> l3.hostIfsOn(n.segment()).stream().map(HostIf::address)
            .filter(c -> c != null && n.address().contains(c.address())).map(Cidr::address).findFirst());
    if (gw == null) {
      return suggestion.filter(s -> hostRoutesFor(l3, n)).map(s -> Names.finding(GATEWAY_MISSING, Names.nic(n)
          + " has no default gateway although the host routes for " + n.address().network(),
          List.of(n.guest().id()), GATEWAY_MISSING.explain(), setGateway(l3, n, s)));
    }
    if (!n.address().contains(gw)) {
      String msg = Names.nic(n) + " has gateway " + gw + ", outside its subnet " + n.address().network();
      if (suggestion.isPresent()) {
        return Optional.of(Names.finding(GATEWAY_OFF, msg, List.of(n.guest().id()), GATEWAY_OFF.explain(),
            setGateway(l3, n, suggestion.get())));
      }
      return Optional.of(Names.finding(GATEWAY_OFF, msg, List.of(n.guest().id()), GATEWAY_OFF.explain(),
          "Use an address of " + n.address().network() + " that routes: usually the host's on this segment."));
    }
    if (answered(l3, n, gw)) {
      return Optional.empty();
    }
    String msg = "nothing on the segment of " + Names.nic(n) + " has its gateway " + gw;
    return Optional.of(suggestion.map(s -> Names.finding(GATEWAY_NOBODY, msg, List.of(n.guest().id()),
        GATEWAY_NOBODY.explain(), setGateway(l3, n, s))).orElseGet(() -> Names.finding(GATEWAY_NOBODY, msg,
        List.of(n.guest().id()), GATEWAY_NOBODY.explain(), "Give the host an address of " + n.address().network()
            + " on this segment (a tap's or bridge's), and make it the gateway.")));
  }

  /** The host forwards (or masquerades) and has somewhere else to send the guest's traffic. */
  private static boolean hostRoutesFor(Layer3 l3, NicAddress n) {
    boolean elsewhere = l3.routesBeyond(n.segment());
    return elsewhere && (l3.settings().ipForward() || l3.hostLanIf()
        .flatMap(h -> l3.natFor(n.address().address(), h)).isPresent());
  }

  private static boolean answered(Layer3 l3, NicAddress n, Ipv4 gw) {
    Segment s = n.segment();
    if (l3.hostLocal(gw).isPresent() && !l3.hostIfsOn(s).isEmpty()) {
      return true;
    }
    if (l3.nicsOn(s).stream().anyMatch(o -> o != n && o.address() != null && o.address().address().equals(gw))) {
      return true;
    }
    for (UserNet u : l3.userNetsOn(s)) {
      if (gw.equals(Ipv4.parse(u.host()).orElse(null))) {
        return true;
      }
    }
    if (l3.lanSegment().filter(x -> x == s).isPresent() && l3.lanSubnet().filter(c -> c.contains(gw)).isPresent()) {
      return true;
    }
    return l3.hostIfsOn(s).stream().anyMatch(h -> l3.proxyArp(h)
        && l3.hostRoute(gw).filter(r -> r.out() != h).isPresent());
  }

  /**
   * Points the guest at its gateway; a gateway that is the host, with somewhere else to route to and
   * ip_forward off, comes with ip_forward in the same step (a guest whose gateway is the host needs it).
   */
  private static Fix setGateway(Layer3 l3, NicAddress n, Ipv4 gw) {
    boolean forward = !l3.settings().ipForward() && l3.isHostLocal(gw) && l3.routesBeyond(n.segment());
    String d = "Set the gateway of " + n.end() + " to " + gw + (forward ? " and enable ip_forward on the host" : "");
    Fix guest = Fixes.element(d, n.guest().id(), Guest.class, g -> {
      Nic nic = g.nic(n.nic().name()).orElseThrow();
      IpConfig ip = nic.ip();
      return g.withNic(nic.withIp(new IpConfig(ip.mode(), ip.address(), gw.toString(), ip.dns())));
    });
    if (!forward) {
      return guest;
    }
    return Fixes.of(d, t -> new CompoundCommand(d, List.of(guest.command(t),
        Fixes.enableForwarding().command(t))));
  }

  private void hostDuplicates(Layer3 l3, KeyedFindings out) {
    Map<Ipv4, String> hostOwners = new HashMap<>();
    List<HostIf> ifs = l3.hostIfs();
    for (int i = 0; i < ifs.size(); i++) {
      HostIf h = ifs.get(i);
      if (h.address() != null) {
        String before = hostOwners.putIfAbsent(h.address().address(), h.id());
        if (before != null && !enslavedTo(l3, h, before)) {
          out.add(KeyedFindings.key(HOST_DUPLICATES, i), Names.finding(DUPLICATE, "host interfaces " + before
              + " and " + h.id() + " both have " + h.address().address(), List.of(before, h.id()),
              DUPLICATE.explain(), "Give " + h.id() + " another address."));
        }
      }
    }
  }

  /**
   * A port left with its bridge's address (the bridged LAN's eth0 keeping 10.0.0.10 beside br0) is
   * one mistake, reported by the bridge's rules with the remedy of moving or removing the port's
   * address; "give the bridge another address" would contradict it.
   */
  private static boolean enslavedTo(Layer3 l3, HostIf h, String other) {
    return other.equals(h.bridge()) || l3.hostIf(other).filter(o -> h.id().equals(o.bridge())).isPresent();
  }

  /** A static NIC's address taken by an earlier static NIC of its segment, or by the host. */
  private void nicDuplicate(Layer3 l3, NicAddress n, long key, KeyedFindings out) {
    if (n.address() == null || n.origin() != Layer3.Origin.STATIC) {
      return;
    }
    Ipv4 a = n.address().address();
    NicAddress before = l3.nicsAt(a).stream().filter(x -> x.origin() == Layer3.Origin.STATIC).findFirst()
        .filter(x -> x != n).orElse(null);
    String host = l3.hostLocal(a).map(HostIf::id).orElse(null);
    if (before != null && before.segment() == n.segment()) {
      out.add(key, Names.finding(DUPLICATE, Names.nic(before) + " and " + Names.nic(n) + " both have " + a,
          List.of(before.guest().id(), n.guest().id()), DUPLICATE.explain(), nextFree(l3, n)));
    } else if (host != null) {
      out.add(key, Names.finding(DUPLICATE, Names.nic(n) + " has " + a + ", the host's own address on " + host,
          List.of(n.guest().id(), host), DUPLICATE.explain(), nextFree(l3, n)));
    }
  }

  /** Whether a NIC, the host or the LAN's gateway has the address. */
  private static boolean used(Layer3 l3, Ipv4 a) {
    return !l3.nicsAt(a).isEmpty() || l3.hostLocal(a).isPresent() || l3.lanGateway().filter(a::equals).isPresent();
  }

  /** The next address of the NIC's subnet that nobody in the design uses. */
  private static Fix nextFree(Layer3 l3, NicAddress n) {
    Cidr net = n.address().network();
    Ipv4 candidate = n.address().address().plus(1);
    while (net.contains(candidate) && (used(l3, candidate) || candidate.equals(net.broadcast()))) {
      candidate = candidate.plus(1);
    }
    Ipv4 free = net.contains(candidate) ? candidate : net.address().plus(2);
    String cidr = free + "/" + n.address().prefix();
    String d = "Give " + n.end() + " the free address " + cidr;
    return Fixes.element(d, n.guest().id(), Guest.class, g -> {
      Nic nic = g.nic(n.nic().name()).orElseThrow();
      IpConfig ip = nic.ip();
      return g.withNic(nic.withIp(new IpConfig(ip.mode(), cidr, ip.gateway(), ip.dns())));
    });
  }
}
