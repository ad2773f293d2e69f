package dev.patchbay.model.reach;

import static dev.patchbay.model.Edits.address;
import static dev.patchbay.model.Edits.change;
import static dev.patchbay.model.Edits.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.reach.Reachability.Pair;
import dev.patchbay.model.reach.Reachability.Verdict;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Answers for designs with one mistake in them, made in every sample where the mistake can be made. */
class ReachabilityMistakesTest {
  private static Pair pair(List<Pair> all, String from, String to) {
    return Reachability.find(all, from, to).orElseThrow();
  }

  static Stream<String> samplesWithALan() {
    return Samples.names().stream().filter(n -> new Layer3(Samples.load(n)).hostLanIf().isPresent());
  }

  static Stream<String> samplesWithUserNet() {
    return Samples.names().stream().filter(n -> Samples.load(n).elementsOf(UserNet.class).findAny().isPresent());
  }

  /**
   * Without an address on the LAN Linux refuses the default route ("Nexthop has invalid gateway"):
   * the host never reaches a guest by leaving through the uplink and coming back from the LAN.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("samplesWithALan")
  void withoutAnAddressOnTheLanTheHostReachesNoGuestThroughTheLan(String sample) {
    Topology t = Samples.load(sample);
    Element lanIf = new Layer3(t).hostLanIf().orElseThrow().element();
    if (lanIf instanceof Bridge b) {
      t.replace(b.withAddress(null));
    } else {
      change(t, lanIf.id(), Uplink.class, u -> u.withAddress(null));
    }
    List<Pair> all = Reachability.of(t);
    for (Guest g : t.elementsOf(Guest.class).toList()) {
      Pair p = pair(all, Reachability.HOST, g.id());
      assertFalse(p.verdict() != Verdict.NO && p.path().contains("lan"), () -> "host -> " + g.id() + ": " + p);
    }
  }

  @Test
  void aBridgedLanWithoutTheHostsAddressLeavesTheHostNoWayToItsGuests() {
    Topology t = Samples.load("bridged-lan.json");
    change(t, "br0", Bridge.class, b -> b.withAddress(null));
    Pair p = pair(Reachability.of(t), Reachability.HOST, "guest1");
    assertEquals(Verdict.NO, p.verdict(), p::toString);
    assertTrue(p.missing().stream().anyMatch(m -> m.contains("no route to 10.0.0.11")), p::toString);
  }

  /** Slirp connects a forward to its guest address (its first DHCP address if none): no one else gets it. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("samplesWithUserNet")
  void aForwardToAnAddressOutsideUserNetLetsNobodyIn(String sample) {
    Topology t = Samples.load(sample);
    List<String> guests = new ArrayList<>();
    for (UserNet u : t.elementsOf(UserNet.class).toList()) {
      change(t, u.id(), UserNet.class, now -> now.withHostfwd(List.of(
          new HostForward(HostForward.Protocol.TCP, null, 5022, "10.9.9.9", 22))));
      new Layer3(t).nics().stream().filter(n -> !new Layer3(t).userNetsOn(n.segment()).isEmpty())
          .forEach(n -> guests.add(n.guest().id()));
    }
    assertFalse(guests.isEmpty());
    List<Pair> all = Reachability.of(t);
    for (String g : guests) {
      for (String from : List.of(Reachability.HOST, Reachability.LAN, Reachability.INTERNET)) {
        Pair p = pair(all, from, g);
        assertEquals(Verdict.NO, p.verdict(), p::toString);
      }
    }
  }

  @Test
  void aForwardReachesOnlyTheNicAtItsGuestAddress() {
    Topology t = Samples.load("user-on-hub.json");
    // nic0 gets 10.0.2.15, nic1 10.0.2.16: the forward goes to nic1 alone, and the guest is reached.
    change(t, "user0", UserNet.class, u -> u.withHostfwd(List.of(
        new HostForward(HostForward.Protocol.TCP, null, 5022, "10.0.2.16", 22))));
    Pair p = pair(Reachability.of(t), Reachability.LAN, "guest");
    assertEquals(Verdict.ONLY_WITH, p.verdict(), p::toString);
    assertEquals("guest:nic1", p.path().get(p.path().size() - 1));
  }

  /** The bridged LAN: a guest with the router's 10.0.0.1 spoils the router for every guest, itself included. */
  @Test
  void aGuestWithTheRoutersAddressOnABridgedLanCutsEveryGuestFromTheInternet() {
    Topology t = Samples.load("bridged-lan.json");
    address(t, "guest1", "nic0", "10.0.0.1/8");
    List<Pair> all = Reachability.of(t);
    for (String[] way : new String[][] {{"guest1", "internet"}, {"guest2", "internet"}, {"lan", "guest1"},
        {"internet", "guest1"}, {"host", "guest1"}, {"guest2", "guest1"}}) {
      Pair p = pair(all, way[0], way[1]);
      assertEquals(Verdict.NO, p.verdict(), p::toString);
      assertTrue(p.missing().stream().anyMatch(m -> m.contains("10.0.0.1") && m.contains("guest1:nic0")), p::toString);
    }
    assertEquals(Verdict.YES, pair(all, "lan", "guest2").verdict(), "the LAN reaches guest2 without the router");
  }

  /**
   * Proxy ARP: the host answers for the router's address on the WLAN, so the LAN's machines lose
   * the router and the guest with its address is cut off; the other guests, whose traffic the host
   * sends to the router itself (it does not proxy its own requests), still reach the Internet.
   */
  @Test
  void aGuestWithTheRoutersAddressBehindAProxyArpTapIsCutOffAndTheOthersAreNot() {
    Topology t = Samples.load("wifi-proxy-arp.json");
    address(t, "vm1", "nic0", "192.168.1.1/24");
    host(t, h -> h.withRoutes(List.of(new HostSettings.Route("192.168.1.1/32", null, "tap1"), h.routes().get(1),
        h.routes().get(2))));
    List<Pair> all = Reachability.of(t);
    assertEquals(Verdict.NO, pair(all, "vm1", "internet").verdict());
    assertEquals(Verdict.NO, pair(all, "lan", "vm1").verdict());
    assertEquals(Verdict.NO, pair(all, "internet", "vm1").verdict());
    assertEquals(Verdict.YES, pair(all, "vm2", "internet").verdict());
    assertEquals(Verdict.YES, pair(all, "lan", "vm2").verdict());
  }

  @Test
  void answersQuoteANameThatIsNotOnePlainWord() {
    Topology t = Samples.load("routed-tun.json");
    change(t, "guest", Guest.class, g -> g.withIdentity("guest", "web server"));
    dev.patchbay.model.Edits.gateway(t, "guest", "nic0", null);
    Pair p = pair(Reachability.of(t), "guest", "internet");
    assertTrue(p.missing().stream().anyMatch(m -> m.contains("guest 'web server' (guest:nic0)")), p::toString);
  }
}
