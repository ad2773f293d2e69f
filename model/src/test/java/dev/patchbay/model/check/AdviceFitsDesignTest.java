package dev.patchbay.model.check;

import static dev.patchbay.model.Edits.change;
import static dev.patchbay.model.Edits.host;
import static dev.patchbay.model.Edits.link;
import static dev.patchbay.model.Edits.unlink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.reach.Layer3;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The advice a finding gives is the remedy of the design at hand, and two findings never contradict. */
class AdviceFitsDesignTest {
  private static final Validator VALIDATOR = StandardRules.validator();

  private static List<Diagnostic> findings(Topology t, String rule) {
    return VALIDATOR.check(t).stream().filter(d -> d.rule().equals(rule)).toList();
  }

  private static void apply(Topology t, Diagnostic d) {
    new CommandStack(t).push(d.mechanicalFix().orElseThrow(() -> new AssertionError("no fix: " + d)).command(t));
  }

  private static Topology broken(Pitfalls.Case c) {
    Topology t = Samples.load(c.sample());
    c.inject().accept(t);
    return t;
  }

  /** A design that proxies ARP nowhere and has no guest with a LAN address behind a tap: proxy ARP is no remedy there. */
  private static boolean proxyArpFree(Topology t) {
    Layer3 l3 = new Layer3(t);
    return t.host().proxyArp().isEmpty() && l3.lanSubnet().map(net -> l3.nics().stream().noneMatch(n ->
        n.address() != null && net.contains(n.address().address()) && !l3.isLanSegment(n.segment()))).orElse(true);
  }

  static Stream<Pitfalls.Case> proxyArpFreeCases() {
    return Pitfalls.all().stream().filter(c -> proxyArpFree(broken(c)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("proxyArpFreeCases")
  void dnsAdviceNeverProposesProxyArpWhereTheDesignHasNone(Pitfalls.Case c) {
    for (Diagnostic d : findings(broken(c), "dns.unreachable")) {
      assertFalse((d.message() + d.fixHint()).contains("proxy_arp"), d::message);
    }
  }

  @Test
  void unreachableDnsServerIsSwappedForOneTheGuestReaches() {
    Pitfalls.Case c = Pitfalls.all().stream().filter(x -> x.rule().equals("dns.unreachable")).findFirst().orElseThrow();
    Topology t = broken(c);
    apply(t, findings(t, "dns.unreachable").get(0));
    assertEquals(List.of("10.0.0.1"), ((Guest) t.element("guest1").orElseThrow()).nics().get(0).ip().dns());
    assertEquals(List.of(), findings(t, "dns.unreachable"));
  }

  @Test
  void aGatewayNobodyHasIsNamedWithTheHostsAddressNotProxyArp() {
    Topology t = Samples.load("routed-tun.json");
    dev.patchbay.model.Edits.gateway(t, "guest", "nic0", "172.20.0.254");
    Diagnostic d = findings(t, "dns.unreachable").get(0);
    assertTrue(d.message().endsWith("no NIC or host interface there has 172.20.0.254 (the host has 172.20.0.1 on tap0)"),
        d::message);
  }

  @Test
  void proxyArpDesignNamesTheTapTheGuestIsBehind() {
    Topology t = Samples.load("wifi-proxy-arp.json");
    host(t, h -> h.withProxyArp(List.of("tap1", "tap2", "tap3")));
    Diagnostic d = findings(t, "dns.unreachable").get(0);
    assertTrue(d.message().contains("enable proxy_arp on wlp3s0 with a host route for 192.168.1.10 through tap1"),
        d::message);
  }

  @Test
  void bridgedLanUplinkKeepingItsAddressIsOneFindingWithOneRemedy() {
    Topology t = Samples.load("bridged-lan.json");
    change(t, "eth0", Uplink.class, u -> u.withAddress("10.0.0.10/8"));
    List<Diagnostic> errors = VALIDATOR.check(t).stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertEquals(List.of("bridge.uplink-keeps-address"), errors.stream().map(Diagnostic::rule).toList());
    apply(t, errors.get(0));
    assertFalse(Validator.hasErrors(VALIDATOR.check(t)));
    assertEquals("10.0.0.10/8", ((dev.patchbay.model.topology.Bridge) t.element("br0").orElseThrow()).address());
  }

  @Test
  void uplinkEnslavedToTheGuestsNatBridgeIsUnlinkedNotMoved() {
    Topology t = Samples.load("nat-bridge.json");
    link(t, "x1", "eth0", "br0");
    List<Diagnostic> all = VALIDATOR.check(t);
    // The guests' DNS on the LAN is truly out of reach while the uplink is enslaved (the host has no
    // address on the LAN, so no route out): those warnings are consequences, not rival remedies.
    assertEquals(List.of("bridge.uplink-keeps-address"), all.stream()
        .filter(d -> !d.rule().equals("dns.unreachable")).map(Diagnostic::rule).toList());
    all.forEach(d -> assertFalse(d.message().contains("move") || d.message().contains("give the bridge"), d::message));
    apply(t, all.stream().filter(d -> d.rule().equals("bridge.uplink-keeps-address")).findFirst().orElseThrow());
    assertEquals(List.of(), VALIDATOR.check(t));
  }

  @Test
  void routedTunGetsTheRouteBackOnTheLanGateway() {
    Topology t = Samples.load("routed-tun.json");
    change(t, "lan", Lan.class, l -> l.withRoutes(List.of()));
    Diagnostic d = findings(t, "route.no-return").get(0);
    assertTrue(d.fixHint().contains("route add -net 172.20.0.0 netmask 255.255.0.0 gw 192.168.0.10"), d::fixHint);
    apply(t, d);
    assertEquals(List.of(new Lan.Route("172.20.0.0/16", "192.168.0.10")),
        ((Lan) t.element("lan").orElseThrow()).routes());
    assertEquals(List.of(), t.host().nat());
    assertEquals(List.of(), findings(t, "route.no-return"));
  }

  @Test
  void routedSubnetsAndProxyArpGuestsAreRoutedBackNotMasqueraded() {
    Topology routed = Samples.load("routed-subnets.json");
    change(routed, "lan", Lan.class, l -> l.withRoutes(List.of()));
    Pitfalls.Case proxy = Pitfalls.all().stream()
        .filter(x -> x.rule().equals("proxyarp.outside-uplink-subnet")).findFirst().orElseThrow();
    for (Topology t : List.of(routed, broken(proxy))) {
      List<Diagnostic> noReturn = findings(t, "route.no-return");
      assertFalse(noReturn.isEmpty());
      noReturn.forEach(d -> apply(t, findings(t, "route.no-return").get(0)));
      assertEquals(List.of(), t.host().nat());
      assertEquals(List.of(), findings(t, "route.no-return"));
      assertEquals(List.of(), findings(t, "nat.no-masquerade"));
    }
  }

  @Test
  void natDesignIsOfferedMasquerade() {
    Topology t = Samples.load("nat-routing.json");
    host(t, h -> h.withNat(List.of(h.nat().get(0))));
    Diagnostic d = findings(t, "nat.no-masquerade").get(0);
    apply(t, d);
    assertTrue(t.host().nat().contains(new HostSettings.Nat("192.168.1.0/24", "eth0")), () -> t.host().nat().toString());
  }

  @Test
  void overlappingSubnetsAreToldAFreeSubnetToMoveTo() {
    Topology t = Samples.load("routed-subnets.json");
    change(t, "tap1", dev.patchbay.model.topology.Tap.class, x -> x.withAddress("192.168.0.2/24"));
    assertEquals("Renumber tap1 and the guests behind it into a subnet no other segment uses, such as 192.168.1.0/24.",
        findings(t, "subnet.overlap").get(0).fixHint());
  }

  static Stream<String[]> nicLinks() {
    return Samples.names().stream().filter(s -> findings(Samples.load(s), "forward.missing").isEmpty()).flatMap(s -> {
      Topology t = Samples.load(s);
      return t.links().stream().filter(l -> t.element(l.a().element()).filter(Guest.class::isInstance).isPresent()
          || t.element(l.b().element()).filter(Guest.class::isInstance).isPresent()).map(l -> new String[] {s, l.id()});
    });
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("nicLinks")
  void anUnlinkedGuestNeedsNoForwarding(String sample, String linkId) {
    Topology t = Samples.load(sample);
    unlink(t, linkId);
    assertEquals(List.of(), findings(t, "forward.missing"));
  }
}
