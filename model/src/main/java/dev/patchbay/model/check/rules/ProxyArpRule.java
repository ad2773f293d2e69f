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
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The routed design for a wireless uplink (proxy ARP over Wi-Fi): each guest holds an address of the uplink's own
 * subnet behind its own unaddressed tap, with a host route per guest, proxy ARP on both sides, and
 * forwarding (the last is {@code forward.missing}'s business).
 */
public final class ProxyArpRule implements Rule {
  static final RuleInfo NO_ROUTE = new RuleInfo("proxyarp.no-route", Severity.ERROR,
      "Proxy ARP answers only for addresses the host has a route to through another interface: each guest needs"
          + " its host route, \"route add -host 192.168.1.10 tap1\" (proxy ARP over Wi-Fi).");
  static final RuleInfo TAP_OFF = new RuleInfo("proxyarp.tap-off", Severity.ERROR,
      "\"Enable ARP proxy for BOTH tap and wlan ifaces\" (proxy ARP over Wi-Fi): on the tap, the host answers the guest's ARP for"
          + " LAN addresses (sysctl net.ipv4.conf.tap1.proxy_arp=1).");
  static final RuleInfo UPLINK_OFF = new RuleInfo("proxyarp.uplink-off", Severity.ERROR,
      "\"Enable ARP proxy for BOTH tap and wlan ifaces\" (proxy ARP over Wi-Fi): on the uplink, the host answers the LAN's ARP for"
          + " the guests' addresses with its own MAC (sysctl net.ipv4.conf.wlp3s0.proxy_arp=1).");
  static final RuleInfo TAP_ADDRESS = new RuleInfo("proxyarp.tap-address", Severity.ERROR,
      "In the proxy-ARP design the tap carries no address: \"we dont assign any address to the tap, because this"
          + " would automatically add a default route to it but for the same host subnet we already are\" (proxy ARP over Wi-Fi).");
  static final RuleInfo OUTSIDE = new RuleInfo("proxyarp.outside-uplink-subnet", Severity.ERROR,
      "\"IMPORTANT: This IP MUST be from your current subnet! Otherwise it wont trigger an ARP request at all and the"
          + " packet would pass the gateway and sink into oblivion\" (proxy ARP over Wi-Fi).");

  @Override
  public String id() {
    return "proxyarp";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(NO_ROUTE, TAP_OFF, UPLINK_OFF, TAP_ADDRESS, OUTSIDE);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    return check(new Analysis(t));
  }

  @Override
  public List<Diagnostic> check(Analysis design) {
    Topology t = design.topology();
    Layer3 l3 = design.layer3();
    Optional<HostIf> uplink = l3.hostLanIf().filter(h -> h.address() != null);
    Optional<Cidr> lanNet = uplink.map(h -> h.address().network());
    if (uplink.isEmpty()) {
      return List.of();
    }
    List<Diagnostic> out = new ArrayList<>();
    boolean uplinkReported = false;
    for (NicAddress n : l3.nics()) {
      Optional<HostIf> tap = proxiedTap(l3, n, lanNet.get());
      if (tap.isEmpty()) {
        continue;
      }
      HostIf h = tap.get();
      String a = n.address().address() + "/32";
      if (l3.hostRoute(n.address().address()).filter(r -> r.out() == h).isEmpty()) {
        out.add(Names.finding(NO_ROUTE, "the host has no route for " + n.address().address() + " of " + Names.nic(n)
                + " through " + h.id(), List.of(n.guest().id(), h.id()), NO_ROUTE.explain(),
            Fixes.addRoute(a, h.id())));
      }
      if (!l3.proxyArp(h) && out.stream().noneMatch(d -> d.rule().equals(TAP_OFF.id()) && d.elements().contains(h.id()))) {
        out.add(Names.finding(TAP_OFF, "proxy_arp is off on " + h.id() + ", behind which " + Names.nic(n) + " has LAN"
            + " address " + n.address().address(), List.of(h.id()), TAP_OFF.explain(), Fixes.addProxyArp(h.id())));
      }
      if (!l3.proxyArp(uplink.get()) && !uplinkReported) {
        uplinkReported = true;
        out.add(Names.finding(UPLINK_OFF, "proxy_arp is off on " + uplink.get().id() + ", so the LAN never learns"
                + " where " + n.address().address() + " of " + Names.nic(n) + " is", List.of(uplink.get().id()),
            UPLINK_OFF.explain(), Fixes.addProxyArp(uplink.get().id())));
      }
    }
    tapsAndRoutes(l3, lanNet.get(), out);
    return out;
  }

  /**
   * A host route out of a proxy-ARP tap to an address outside the uplink's subnet: the address to
   * change is the guest's behind the tap, so the finding names that NIC first (the tap only when no
   * guest is behind it).
   */
  private static void outside(Layer3 l3, HostIf h, HostSettings.Route r, Cidr lanNet, List<Diagnostic> out) {
    Optional<NicAddress> guest = l3.nicsOn(h.segment()).stream().filter(n -> n.address() != null
        && Cidr.parse(r.destination()).filter(d -> d.contains(n.address().address())).isPresent()).findFirst();
    String route = "host route " + r.destination() + " dev " + h.id();
    if (guest.isPresent()) {
      NicAddress n = guest.get();
      out.add(Names.finding(OUTSIDE, Names.nic(n) + " has " + n.address().address() + ", outside the uplink's subnet "
              + lanNet + ", so proxy ARP on " + h.id() + " never answers for it (" + route + ")",
          List.of(n.guest().id(), h.id()), OUTSIDE.explain(), "Give " + n.end() + " an address of " + lanNet
              + " and route that address to " + h.id() + "."));
      return;
    }
    out.add(Names.finding(OUTSIDE, route + " is outside the uplink's subnet " + lanNet + ", so proxy ARP never"
        + " answers for it", List.of(h.id()), OUTSIDE.explain(), "Give the guest behind " + h.id() + " an address of "
        + lanNet + "."));
  }

  /** The unaddressed tap in front of a NIC that has an address of the uplink's subnet. */
  private static Optional<HostIf> proxiedTap(Layer3 l3, NicAddress n, Cidr lanNet) {
    if (n.address() == null || n.origin() != Layer3.Origin.STATIC || !lanNet.contains(n.address().address())
        || l3.lanSegment().filter(s -> s == n.segment()).isPresent()) {
      return Optional.empty();
    }
    List<HostIf> ifs = l3.hostIfsOn(n.segment());
    return ifs.size() == 1 && ifs.get(0).element() instanceof Tap && ifs.get(0).address() == null
        ? Optional.of(ifs.get(0)) : Optional.empty();
  }

  private void tapsAndRoutes(Layer3 l3, Cidr lanNet, List<Diagnostic> out) {
    // Read once: a design has a tap per guest, and this pass runs on every edit of an address.
    Set<String> routeDevices = new HashSet<>();
    l3.settings().routes().forEach(r -> routeDevices.add(r.device()));
    for (HostIf h : l3.hostIfs()) {
      if (!(h.element() instanceof Tap) || !h.routes() || !(l3.proxyArp(h) || routeDevices.contains(h.id()))) {
        continue;
      }
      if (h.address() != null && h.address().network().overlaps(lanNet)) {
        out.add(Names.finding(TAP_ADDRESS, h.id() + " carries " + h.address() + " in the LAN's subnet " + lanNet
                + " although it proxies ARP", List.of(h.id()), TAP_ADDRESS.explain(),
            Fixes.element("Remove the address of " + h.id(), h.id(), Tap.class, tap -> tap.withAddress(null))));
      }
      for (HostSettings.Route r : l3.settings().routes()) {
        Optional<Cidr> dest = Cidr.parse(r.destination());
        if (h.id().equals(r.device()) && h.address() == null && l3.proxyArp(h) && dest.isPresent()
            && !lanNet.contains(dest.get())) {
          outside(l3, h, r, lanNet, out);
        }
      }
    }
  }
}
