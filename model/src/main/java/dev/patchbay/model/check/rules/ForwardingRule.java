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
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3;
import dev.patchbay.model.reach.Layer3.HostIf;
import dev.patchbay.model.reach.Layer3.NicAddress;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The host as a router: ip_forward for routed designs (routed tun, routed subnets, NAT routing,
 * proxy ARP over Wi-Fi), masquerade for every routed subnet once NAT is in use, and a way back for
 * replies when it is not.
 */
public final class ForwardingRule implements Rule {
  static final RuleInfo FORWARD_MISSING = new RuleInfo("forward.missing", Severity.ERROR,
      "Guests whose gateway is the host need the host to route between its interfaces, and \"the default settings of"
          + " most Linux distributions don't allow for packet forwarding\" (the sample \"Routed tun\"): echo 1 >"
          + " /proc/sys/net/ipv4/ip_forward. \"Most common failure is IP forwarding\".");
  static final RuleInfo NAT_NO_FORWARD = new RuleInfo("nat.no-forward", Severity.ERROR,
      "Masquerade rewrites packets the host forwards; with ip_forward off nothing is forwarded, so NAT never happens.");
  static final RuleInfo NAT_OUT = new RuleInfo("nat.out-not-uplink", Severity.ERROR,
      "Masquerade belongs on the way out to the LAN (iptables -t nat -A POSTROUTING -o eth0 ..., the sample"
          + " \"NAT routing\"): -o must name the uplink, or the bridge that holds it.");
  static final RuleInfo NO_MASQUERADE = new RuleInfo("nat.no-masquerade", Severity.ERROR,
      "In a NAT design every virtual subnet needs its own masquerade rule (the sample \"NAT routing\" has one per"
          + " subnet); a subnet without one leaves with its private source address and its replies never come back.");
  static final RuleInfo NO_RETURN = new RuleInfo("route.no-return", Severity.WARNING,
      "A routed subnet behind the host (routed tun, routed subnets) is unknown to the LAN: replies go to the LAN's"
          + " gateway, which sends them off to the Internet. The gateway routes the subnet via the host"
          + " (route add -net 172.20.0.0 netmask 255.255.0.0 gw 192.168.0.10; the fix adds that route to the LAN),"
          + " or, where the gateway cannot be changed, the host masquerades it.");

  @Override
  public String id() {
    return "forward";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(FORWARD_MISSING, NAT_NO_FORWARD, NAT_OUT, NO_MASQUERADE, NO_RETURN);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    return check(new Analysis(t));
  }

  @Override
  public List<Diagnostic> check(Analysis design) {
    return checkKeyed(design).list();
  }

  /**
   * With ip_forward on, a guest's edit can change only the return-path finding of the subnets its
   * NICs had or have: each subnet's finding sits with the first routed NIC of it, kept by subnet.
   * With ip_forward off, one finding names every routed guest: then the rule checks in full.
   */
  @Override
  public boolean scopable() {
    return true;
  }

  /** The routed NICs that speak for a subnet on the way back from the LAN, by subnet, in file order. */
  private static final class BySubnet {
    final Map<Cidr, TreeSet<Integer>> nics = new HashMap<>();
    final List<Cidr> lanRoutes;
    final HostIf lanIf;
    final Cidr lanNet;

    BySubnet(Layer3 l3) {
      lanIf = l3.hostLanIf().orElse(null);
      lanNet = l3.lanSubnet().orElse(null);
      lanRoutes = l3.lan().map(lan -> lan.routes().stream().flatMap(r -> Cidr.parse(r.destination()).stream())
          .toList()).orElse(null);
    }

    boolean applies() {
      return lanIf != null && lanNet != null && lanRoutes != null;
    }

    /** The subnet a routed NIC speaks for, or null if the LAN reaches it anyway or it is not routed. */
    Cidr subnet(Layer3 l3, NicAddress n) {
      if (!routed(l3, n) || lanNet.contains(n.address().address())
          || lanRoutes.stream().anyMatch(c -> c.contains(n.address().address()))) {
        return null;
      }
      return n.address().network();
    }

    Integer first(Cidr net) {
      TreeSet<Integer> at = nics.get(net);
      return at == null || at.isEmpty() ? null : at.first();
    }
  }

  @Override
  public KeyedFindings checkKeyed(Analysis design) {
    Layer3 l3 = design.layer3();
    KeyedFindings out = new KeyedFindings();
    head(l3, routedNics(l3)).forEach(d -> out.add(KeyedFindings.key(0, 0), d));
    BySubnet bySubnet = new BySubnet(l3);
    if (bySubnet.applies()) {
      List<NicAddress> nics = l3.nics();
      for (int p = 0; p < nics.size(); p++) {
        Cidr net = bySubnet.subnet(l3, nics.get(p));
        if (net != null) {
          bySubnet.nics.computeIfAbsent(net, k -> new TreeSet<>()).add(p);
        }
      }
      bySubnet.nics.values().forEach(at -> returnPath(l3, bySubnet, at.first(), out));
    }
    design.keep(ForwardingRule.class, bySubnet);
    return out;
  }

  @Override
  public KeyedFindings checkScoped(Analysis design, Scope scope, KeyedFindings previous) {
    Layer3 l3 = design.layer3();
    Optional<BySubnet> kept = design.kept(ForwardingRule.class);
    if (!l3.settings().ipForward() || kept.isEmpty()) {
      return checkKeyed(design);
    }
    BySubnet bySubnet = kept.get();
    if (!bySubnet.applies()) {
      return previous;
    }
    Set<Cidr> nets = new HashSet<>();
    List<Cidr[]> moves = new ArrayList<>();
    for (Layer3.NicChange c : scope.nics()) {
      Cidr[] move = {bySubnet.subnet(l3, c.before()), bySubnet.subnet(l3, c.after())};
      moves.add(move);
      Arrays.stream(move).filter(java.util.Objects::nonNull).forEach(nets::add);
    }
    Set<Long> again = new HashSet<>();
    nets.stream().map(bySubnet::first).filter(java.util.Objects::nonNull).forEach(p -> again.add(key(p)));
    for (int i = 0; i < moves.size(); i++) {
      int p = l3.position(scope.nics().get(i).after());
      if (moves.get(i)[0] != null) {
        bySubnet.nics.get(moves.get(i)[0]).remove(p);
      }
      if (moves.get(i)[1] != null) {
        bySubnet.nics.computeIfAbsent(moves.get(i)[1], k -> new TreeSet<>()).add(p);
      }
    }
    KeyedFindings fresh = new KeyedFindings();
    for (Cidr net : nets) {
      Integer p = bySubnet.first(net);
      if (p != null) {
        again.add(key(p));
        returnPath(l3, bySubnet, p, fresh);
      }
    }
    return previous.replacing(again, fresh);
  }

  private static long key(int place) {
    return KeyedFindings.key(1, place);
  }

  /** What holds for the whole host: forwarding, and where it masquerades. */
  private List<Diagnostic> head(Layer3 l3, List<NicAddress> routed) {
    HostSettings host = l3.settings();
    List<Diagnostic> out = new ArrayList<>();
    if (!host.ipForward() && !host.nat().isEmpty()) {
      List<String> ids = host.nat().stream().map(HostSettings.Nat::out).distinct().toList();
      out.add(Names.finding(NAT_NO_FORWARD, "the host masquerades out of " + String.join(", ", ids)
          + " but ip_forward is off", ids, NAT_NO_FORWARD.explain(), Fixes.enableForwarding()));
    } else if (!host.ipForward() && (!routed.isEmpty() || !host.proxyArp().isEmpty())) {
      Set<String> ids = new LinkedHashSet<>();
      routed.forEach(n -> ids.add(n.guest().id()));
      routed.forEach(n -> l3.hostIfsOn(n.segment()).forEach(h -> ids.add(h.id())));
      ids.addAll(host.proxyArp());
      out.add(Names.finding(FORWARD_MISSING, "the host must route for " + describe(routed, host)
          + " but ip_forward is off", List.copyOf(ids), FORWARD_MISSING.explain(), Fixes.enableForwarding()));
    }
    natOut(l3, out);
    return out;
  }

  private static String describe(List<NicAddress> routed, HostSettings host) {
    if (routed.isEmpty()) {
      return "proxy ARP on " + String.join(", ", host.proxyArp());
    }
    return String.join(", ", routed.stream().map(n -> "guest " + n.guest().name() + " (" + n.end() + ", gateway "
        + n.gateway() + ")").toList());
  }

  /** Static NICs whose gateway is the host, on a segment other than the LAN, with somewhere else to go. */
  static List<NicAddress> routedNics(Layer3 l3) {
    return l3.nics().stream().filter(n -> routed(l3, n)).toList();
  }

  private static boolean routed(Layer3 l3, NicAddress n) {
    return n.address() != null && n.gateway() != null && gatewayOnSegment(l3, n)
        && l3.lanSegment().filter(s -> s == n.segment()).isEmpty() && l3.routesBeyond(n.segment());
  }

  /**
   * The host routes for a NIC only if the host is on the NIC's segment: a NIC unlinked from its hub
   * still names the tap's address as gateway, but no packet of it reaches the host. (Behind a tap
   * with proxy ARP the gateway is the host's address on another interface.)
   */
  private static boolean gatewayOnSegment(Layer3 l3, NicAddress n) {
    return l3.hostLocal(n.gateway()).isPresent() && !l3.hostIfsOn(n.segment()).isEmpty();
  }

  private void natOut(Layer3 l3, List<Diagnostic> out) {
    Optional<HostIf> lanIf = l3.hostLanIf();
    for (HostSettings.Nat n : l3.settings().nat()) {
      Optional<HostIf> named = l3.hostIf(n.out());
      boolean ok = named.isPresent() && lanIf.isPresent()
          && (named.get() == lanIf.get() || lanIf.get().id().equals(named.get().bridge()));
      if (!ok) {
        String what = named.isEmpty() ? "names no host interface" : "is not the host's way to the LAN"
            + lanIf.map(h -> " (" + h.id() + ")").orElse("");
        List<String> ids = named.isPresent() ? List.of(n.out()) : List.of();
        String msg = "masquerade of " + n.source() + " out of '" + n.out() + "' " + what;
        out.add(lanIf.map(h -> Names.finding(NAT_OUT, msg, ids, NAT_OUT.explain(), natOutOf(n, h.id())))
            .orElseGet(() -> Names.finding(NAT_OUT, msg, ids, NAT_OUT.explain(), "Masquerade out of the uplink.")));
      }
    }
  }

  /** The finding of the subnet the NIC at this position speaks for, unless the host masquerades it. */
  private void returnPath(Layer3 l3, BySubnet bySubnet, int p, KeyedFindings out) {
    NicAddress n = l3.nics().get(p);
    Cidr net = n.address().network();
    if (l3.natFor(n.address().address(), bySubnet.lanIf).isPresent()) {
      return;
    }
    String outId = bySubnet.lanIf.id();
    List<String> ids = List.of(n.guest().id(), l3.lan().get().id());
    if (!l3.settings().nat().isEmpty()) {
      out.add(key(p), Names.finding(NO_MASQUERADE, "subnet " + net + " of guest " + n.guest().name() + " ("
          + n.end() + ") is not masqueraded out of " + outId + " like the others", ids, NO_MASQUERADE.explain(),
          Fixes.addNat(net.toString(), outId)));
    } else {
      out.add(key(p), noReturn(l3, bySubnet.lanIf, n, net, ids));
    }
  }

  /**
   * Without NAT the design routes: the remedy the routed scenarios teach is a route on the LAN's
   * gateway back via the host's LAN address (route add -net 172.20.0.0 netmask 255.255.0.0 gw
   * 192.168.0.10); masquerading is named as the way out when the gateway cannot be changed.
   */
  private static Diagnostic noReturn(Layer3 l3, HostIf lanIf, NicAddress n, Cidr net, List<String> ids) {
    Lan lan = l3.lan().orElseThrow();
    String message = Names.of(lan) + " has no route back to " + net + " (guest " + n.guest().name() + ", "
        + n.end() + "): replies from the LAN get lost";
    if (lanIf.address() == null || l3.lanSubnet().filter(c -> c.contains(lanIf.address().address())).isEmpty()) {
      // No LAN address a gateway could route to: the uplink's address comes first (its own finding says so).
      return Names.finding(NO_RETURN, message, ids, NO_RETURN.explain(), "Give " + lanIf.id() + " the host's address"
          + " on the LAN, then route " + net + " via it on the LAN gateway (or masquerade " + net + " out of "
          + lanIf.id() + ").");
    }
    String via = lanIf.address().address().toString();
    Fix route = Fixes.element("Route " + net + " via " + via + " (the host) on the LAN gateway", lan.id(), Lan.class,
        now -> now.withRoutes(plusRoute(now.routes(), new Lan.Route(net.toString(), via))));
    return Diagnostic.of(NO_RETURN.id(), NO_RETURN.severity(), message, ids).explained(NO_RETURN.explain()
        + " Here: route add -net " + net + " gw " + via + " on the LAN gateway.", route.description()
        + " (route add -net " + net.address() + " netmask " + new Ipv4(net.mask()) + " gw " + via + "); if you cannot change"
        + " the gateway, masquerade " + net + " out of " + lanIf.id() + " instead.").withFix(route);
  }

  private static List<Lan.Route> plusRoute(List<Lan.Route> routes, Lan.Route route) {
    List<Lan.Route> out = new ArrayList<>(routes);
    out.add(route);
    return out;
  }

  /** The masquerade rule itself, pointed at the host's way to the LAN. */
  private static Fix natOutOf(HostSettings.Nat rule, String out) {
    return Fixes.host("Masquerade " + rule.source() + " out of " + out + " instead of " + rule.out(), h -> {
      List<HostSettings.Nat> nat = new ArrayList<>(h.nat());
      nat.replaceAll(x -> x.equals(rule) ? new HostSettings.Nat(rule.source(), out) : x);
      return h.withNat(nat.stream().distinct().toList());
    });
  }
}
