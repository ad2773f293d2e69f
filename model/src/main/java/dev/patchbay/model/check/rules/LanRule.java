package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Analysis;
import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3;
import dev.patchbay.model.reach.Layer3.HostIf;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The LAN around the host: its gateway, the host's address on it, and the routes back (the routed-tun scenario). */
public final class LanRule implements Rule {
  static final RuleInfo GATEWAY_OUTSIDE = new RuleInfo("lan.gateway-outside-subnet", Severity.ERROR,
      "The LAN's gateway must be an address of the LAN's subnet, or no machine on the LAN can reach it.");
  static final RuleInfo UPLINK_OUTSIDE = new RuleInfo("uplink.address-outside-lan", Severity.ERROR,
      "The host's address on the LAN (on the uplink, or on the bridge that holds it) must be inside the LAN's subnet.");
  static final RuleInfo ROUTE_VIA_OFF_LAN = new RuleInfo("lan.route-via-off-lan", Severity.ERROR,
      "A route on the LAN gateway (the routed-tun scenario: route add -net 172.20.0.0 netmask 255.255.0.0 gw 192.168.0.10) must"
          + " point at an address on the LAN: the host's.");
  static final RuleInfo ROUTE_VIA_NOT_HOST = new RuleInfo("lan.route-via-not-host", Severity.WARNING,
      "The LAN gateway's route to the guests' subnet should point at the host's LAN address, which forwards to them.");

  @Override
  public String id() {
    return "lan";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(GATEWAY_OUTSIDE, UPLINK_OUTSIDE, ROUTE_VIA_OFF_LAN, ROUTE_VIA_NOT_HOST);
  }

  /** The LAN, the host's interfaces and the segments: a guest's addresses play no part. */
  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.affectsNetwork(c) && !Changes.keepsGuestWiring(c);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    return check(new Analysis(t));
  }

  @Override
  public List<Diagnostic> check(Analysis design) {
    Topology t = design.topology();
    Layer3 l3 = design.layer3();
    Optional<Lan> lan = l3.lan();
    Optional<Cidr> subnet = l3.lanSubnet();
    if (lan.isEmpty() || subnet.isEmpty()) {
      return List.of();
    }
    List<Diagnostic> out = new ArrayList<>();
    Lan l = lan.get();
    Cidr net = subnet.get();
    l3.lanGateway().filter(g -> !net.contains(g)).ifPresent(g -> out.add(Names.finding(GATEWAY_OUTSIDE,
        Names.of(l) + " has gateway " + g + " outside its subnet " + net, List.of(l.id()),
        GATEWAY_OUTSIDE.explain(), "Set the gateway to an address inside " + net + ".")));
    Optional<HostIf> lanIf = l3.hostLanIf();
    lanIf.filter(h -> h.address() != null && !net.contains(h.address().address())).ifPresent(h -> out.add(
        Names.finding(UPLINK_OUTSIDE, Names.of(h.element()) + " has " + h.address() + ", outside the LAN's subnet " + net, List.of(h.id(), l.id()), UPLINK_OUTSIDE.explain(),
            "Give " + h.element().name() + " an address inside " + net + ".")));
    for (Lan.Route r : l.routes()) {
      Optional<Ipv4> via = Ipv4.parse(r.via());
      if (via.isEmpty()) {
        continue;
      }
      if (!net.contains(via.get())) {
        out.add(Names.finding(ROUTE_VIA_OFF_LAN, Names.of(l) + " routes " + r.destination() + " via " + r.via()
            + ", which is not on the LAN (" + net + ")", List.of(l.id()), ROUTE_VIA_OFF_LAN.explain(),
            "Route " + r.destination() + " via the host's LAN address."));
      } else if (lanIf.isPresent() && lanIf.get().address() != null
          && !lanIf.get().address().address().equals(via.get())) {
        out.add(Names.finding(ROUTE_VIA_NOT_HOST, Names.of(l) + " routes " + r.destination() + " via "
                + r.via() + ", but the host's LAN address is " + lanIf.get().address().address(), List.of(l.id()),
            ROUTE_VIA_NOT_HOST.explain(), "Route " + r.destination() + " via " + lanIf.get().address().address() + "."));
      }
    }
    return out;
  }
}
