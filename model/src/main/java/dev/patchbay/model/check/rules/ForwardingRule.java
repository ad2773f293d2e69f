package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Analysis;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.reach.Layer3;
import dev.patchbay.model.reach.Layer3.HostIf;
import dev.patchbay.model.reach.Layer3.NicAddress;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The host as a router: ip_forward for routed designs (000, 002 possibility 0/1, 003), masquerade
 * for every routed subnet once NAT is in use, and a way back for replies when it is not.
 */
public final class ForwardingRule implements Rule {
  static final RuleInfo FORWARD_MISSING = new RuleInfo("forward.missing", Severity.ERROR,
      "Guests whose gateway is the host need the host to route between its interfaces, and \"the default settings of"
          + " most Linux distributions don't allow for packet forwarding\" (seed 000): echo 1 >"
          + " /proc/sys/net/ipv4/ip_forward. \"Most common failure is IP forwarding\".");
  static final RuleInfo NAT_NO_FORWARD = new RuleInfo("nat.no-forward", Severity.ERROR,
      "Masquerade rewrites packets the host forwards; with ip_forward off nothing is forwarded, so NAT never happens.");
  static final RuleInfo NAT_OUT = new RuleInfo("nat.out-not-uplink", Severity.ERROR,
      "Masquerade belongs on the way out to the LAN (iptables -t nat -A POSTROUTING -o eth0 ..., seed 002"
          + " possibility 1): -o must name the uplink, or the bridge that holds it.");
  static final RuleInfo NO_MASQUERADE = new RuleInfo("nat.no-masquerade", Severity.ERROR,
      "In a NAT design every virtual subnet needs its own masquerade rule (seed 002 possibility 1 has one per"
          + " subnet); a subnet without one leaves with its private source address and its replies never come back.");
  static final RuleInfo NO_RETURN = new RuleInfo("route.no-return", Severity.WARNING,
      "A routed subnet behind the host (seed 000, 002 possibility 0) is unknown to the LAN: replies go to the LAN's"
          + " gateway, which sends them off to the Internet. Either the gateway routes the subnet via the host"
          + " (route add -net 172.20.0.0 netmask 255.255.0.0 gw 192.168.0.10), or the host masquerades it.");

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
    Topology t = design.topology();
    Layer3 l3 = design.layer3();
    HostSettings host = t.host();
    List<Diagnostic> out = new ArrayList<>();
    List<NicAddress> routed = routedNics(l3);
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
    returnPaths(l3, routed, out);
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
    return l3.nics().stream()
        .filter(n -> n.address() != null && n.gateway() != null && l3.hostLocal(n.gateway()).isPresent())
        .filter(n -> l3.lanSegment().filter(s -> s == n.segment()).isEmpty())
        .filter(n -> l3.routesBeyond(n.segment()))
        .toList();
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
        out.add(Names.finding(NAT_OUT, "masquerade of " + n.source() + " out of '" + n.out() + "' " + what, ids,
            NAT_OUT.explain(), "Masquerade out of " + lanIf.map(HostIf::id).orElse("the uplink") + "."));
      }
    }
  }

  private void returnPaths(Layer3 l3, List<NicAddress> routed, List<Diagnostic> out) {
    Optional<HostIf> lanIf = l3.hostLanIf();
    Optional<Cidr> lanNet = l3.lanSubnet();
    if (lanIf.isEmpty() || lanNet.isEmpty() || l3.lan().isEmpty()) {
      return;
    }
    Set<Cidr> reported = new LinkedHashSet<>();
    List<Cidr> lanRoutes = l3.lan().get().routes().stream()
        .flatMap(r -> Cidr.parse(r.destination()).stream()).toList();
    for (NicAddress n : routed) {
      Cidr net = n.address().network();
      // A subnet is reported once: asking NAT again for each of its guests made this pass the rule's cost.
      if (reported.contains(net) || lanNet.get().contains(n.address().address())
          || lanRoutes.stream().anyMatch(c -> c.contains(n.address().address())) || !reported.add(net)) {
        continue;
      }
      if (l3.natFor(n.address().address(), lanIf.get()).isPresent()) {
        continue;
      }
      String outId = lanIf.get().id();
      List<String> ids = List.of(n.guest().id(), l3.lan().get().id());
      if (!l3.settings().nat().isEmpty()) {
        out.add(Names.finding(NO_MASQUERADE, "subnet " + net + " of guest " + n.guest().name() + " (" + n.end()
            + ") is not masqueraded out of " + outId + " like the others", ids, NO_MASQUERADE.explain(),
            Fixes.addNat(net.toString(), outId)));
      } else {
        Optional<String> via = Optional.ofNullable(lanIf.get().address()).map(a -> a.address().toString());
        out.add(Names.finding(NO_RETURN, Names.of(l3.lan().get()) + " has no route back to " + net
                + " (guest " + n.guest().name() + ", " + n.end() + "): replies from the LAN get lost", ids,
            NO_RETURN.explain() + via.map(v -> " Here: route add -net " + net + " gw " + v + " on the LAN gateway.")
                .orElse(""), Fixes.addNat(net.toString(), outId)));
      }
    }
  }

}
