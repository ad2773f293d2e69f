package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Analysis;
import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3;
import dev.patchbay.model.reach.Layer3.HostIf;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import dev.patchbay.model.topology.Uplink;
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
      "A route on the LAN gateway (the sample \"Routed tun\": route add -net 172.20.0.0 netmask 255.255.0.0 gw 192.168.0.10) must"
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
    l3.lanGateway().filter(g -> !net.contains(g)).ifPresent(g -> out.add(gatewayOutside(l3, l, g, net)));
    Optional<HostIf> lanIf = l3.hostLanIf();
    lanIf.filter(h -> h.address() != null && !net.contains(h.address().address()) && !holdsAddressedUplink(l3, h))
        .ifPresent(h -> out.add(Names.finding(UPLINK_OUTSIDE, Names.of(h.element()) + " has " + h.address()
            + ", outside the LAN's subnet " + net, List.of(h.id(), l.id()), UPLINK_OUTSIDE.explain(),
            "Give " + h.element().name() + " an address inside " + net + ".")));
    Optional<Ipv4> host = lanIf.map(HostIf::address).map(Cidr::address).filter(net::contains);
    for (int i = 0; i < l.routes().size(); i++) {
      Lan.Route r = l.routes().get(i);
      Optional<Ipv4> via = Ipv4.parse(r.via());
      if (via.isEmpty()) {
        continue;
      }
      if (!net.contains(via.get())) {
        out.add(routeFinding(ROUTE_VIA_OFF_LAN, Names.of(l) + " routes " + r.destination() + " via " + r.via()
            + ", which is not on the LAN (" + net + ")", l, i, host));
      } else if (host.isPresent() && !host.get().equals(via.get())) {
        out.add(routeFinding(ROUTE_VIA_NOT_HOST, Names.of(l) + " routes " + r.destination() + " via "
            + r.via() + ", but the host's LAN address is " + host.get(), l, i, host));
      }
    }
    return out;
  }

  /** The LAN's gateway is the uplink's default gateway when that one lies in the LAN's subnet. */
  private static Diagnostic gatewayOutside(Layer3 l3, Lan l, Ipv4 g, Cidr net) {
    String msg = Names.of(l) + " has gateway " + g + " outside its subnet " + net;
    Optional<String> uplinkGw = l3.uplink().map(Uplink::gateway).flatMap(Ipv4::parse).filter(net::contains)
        .map(Ipv4::toString);
    if (uplinkGw.isEmpty()) {
      return Names.finding(GATEWAY_OUTSIDE, msg, List.of(l.id()), GATEWAY_OUTSIDE.explain(),
          "Set the gateway to the LAN router's address, inside " + net + ".");
    }
    return Names.finding(GATEWAY_OUTSIDE, msg, List.of(l.id()), GATEWAY_OUTSIDE.explain(),
        Fixes.element("Set the LAN's gateway to " + uplinkGw.get() + " (the uplink's gateway)", l.id(), Lan.class,
            now -> new Lan(now.id(), now.name(), now.subnet(), uplinkGw.get(), now.routes())));
  }

  /** A route back that names the wrong next hop: the fix points it at the host's LAN address. */
  private static Diagnostic routeFinding(RuleInfo info, String msg, Lan l, int index, Optional<Ipv4> host) {
    Lan.Route r = l.routes().get(index);
    if (host.isEmpty()) {
      return Names.finding(info, msg, List.of(l.id()), info.explain(),
          "Route " + r.destination() + " via the host's LAN address.");
    }
    String via = host.get().toString();
    return Names.finding(info, msg, List.of(l.id()), info.explain(), Fixes.element("Route " + r.destination()
        + " via " + via + " (the host) on the LAN gateway", l.id(), Lan.class, now -> {
          List<Lan.Route> routes = new ArrayList<>(now.routes());
          routes.set(index, new Lan.Route(r.destination(), via));
          return now.withRoutes(routes);
        }));
  }

  /**
   * A bridge that holds an uplink still carrying its own address: the uplink rule reports that one
   * mistake (move the address, or unlink the uplink); telling the bridge to take a LAN address too
   * would contradict it.
   */
  private static boolean holdsAddressedUplink(Layer3 l3, HostIf bridge) {
    return l3.hostIfs().stream().anyMatch(h -> bridge.id().equals(h.bridge()) && h.element() instanceof Uplink
        && h.address() != null);
  }
}
