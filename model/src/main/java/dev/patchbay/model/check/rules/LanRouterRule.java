package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Analysis;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.edit.Command;
import dev.patchbay.model.edit.CompoundCommand;
import dev.patchbay.model.edit.ReplaceElementCommand;
import dev.patchbay.model.edit.SetHostCommand;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3;
import dev.patchbay.model.reach.Layer3.NicAddress;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A guest given the address of the LAN's router. On the LAN (bridged) both answer ARP for it, so
 * every machine's way to the Internet, the host's and the other guests' included, goes to whichever
 * answered last; behind a proxy-ARP tap the host answers for it on the LAN as well. Separate from
 * {@code addr.duplicate}, which compares the design's own interfaces: the router is not one.
 */
public final class LanRouterRule implements Rule {
  static final RuleInfo ROUTER = new RuleInfo("addr.lan-router", Severity.ERROR,
      "The LAN's router (its gateway) already has this address: two machines answering ARP for the gateway send"
          + " every machine's traffic for the Internet to whichever answered last, and replies to the guest go to the"
          + " router, which takes them for its own. Give the guest an address nobody on the LAN has.");

  @Override
  public String id() {
    return "lan-router";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(ROUTER);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    return check(new Analysis(t));
  }

  @Override
  public List<Diagnostic> check(Analysis design) {
    Layer3 l3 = design.layer3();
    Optional<Ipv4> router = l3.lanGateway();
    Optional<Lan> lan = l3.lan();
    if (router.isEmpty() || lan.isEmpty()) {
      return List.of();
    }
    List<Diagnostic> out = new ArrayList<>();
    for (NicAddress n : l3.nicsAt(router.get())) {
      if (n.origin() == Layer3.Origin.STATIC && meetsLan(l3, n)) {
        out.add(Names.finding(ROUTER, Names.nic(n) + " has " + router.get() + ", the address of the LAN's router"
                + " (the gateway of " + Names.of(lan.get()) + ")", List.of(n.guest().id(), lan.get().id()),
            ROUTER.explain(), moveTo(n, free(l3, n))));
      }
    }
    return out;
  }

  /** On the LAN's segment, or on one the host joins (a routed or proxy-ARP tap): anywhere the two can meet. */
  private static boolean meetsLan(Layer3 l3, NicAddress n) {
    return l3.isLanSegment(n.segment()) || !l3.hostIfsOn(n.segment()).isEmpty();
  }

  /** The first address after the router's in the NIC's subnet that nobody in the design or on the LAN has. */
  private static Ipv4 free(Layer3 l3, NicAddress n) {
    Cidr net = n.address().network();
    for (Ipv4 a = n.address().address().plus(1); net.contains(a) && !a.equals(net.broadcast()); a = a.plus(1)) {
      Ipv4 candidate = a;
      boolean used = !l3.nicsAt(a).isEmpty() || l3.hostLocal(a).isPresent()
          || l3.lanGateway().filter(candidate::equals).isPresent();
      if (!used) {
        return a;
      }
    }
    return net.address().plus(2);
  }

  /** The NIC's new address, and a host route for the old one (proxy ARP) moved with it, in one step. */
  private static Fix moveTo(NicAddress n, Ipv4 a) {
    String cidr = a + "/" + n.address().prefix();
    String old = n.address().address() + "/32";
    String d = "Give " + n.end() + " the free address " + cidr;
    return Fixes.of(d, t -> {
      Guest g = (Guest) t.element(n.guest().id()).orElseThrow();
      Nic nic = g.nic(n.nic().name()).orElseThrow();
      IpConfig ip = nic.ip();
      List<Command> parts = new ArrayList<>();
      parts.add(new ReplaceElementCommand(g.withNic(nic.withIp(new IpConfig(ip.mode(), cidr, ip.gateway(), ip.dns()))),
          d));
      HostSettings h = t.host();
      List<HostSettings.Route> routes = h.routes().stream().map(r -> old.equals(r.destination())
          ? new HostSettings.Route(a + "/32", r.via(), r.device()) : r).toList();
      if (!routes.equals(h.routes())) {
        parts.add(new SetHostCommand(h.withRoutes(routes), d));
      }
      return new CompoundCommand(d, parts);
    });
  }
}
