package dev.patchbay.model.reach;

import static dev.patchbay.model.Edits.address;
import static dev.patchbay.model.Edits.change;
import static dev.patchbay.model.Edits.gateway;
import static dev.patchbay.model.Edits.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.reach.Reachability.Pair;
import dev.patchbay.model.reach.Reachability.Verdict;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The semantics behind the matrix, one behaviour at a time. */
class ReachabilityTest {
  private static Pair pair(Topology t, String from, String to) {
    return Reachability.find(Reachability.of(t), from, to).orElseThrow();
  }

  private static boolean mentions(Pair p, String words) {
    return p.missing().stream().anyMatch(m -> m.contains(words));
  }

  @Test
  void routedGuestGoesOutThroughItsTapTheHostAndTheUplink() {
    Pair p = pair(Samples.load("routed-tun.json"), "guest", "internet");
    assertEquals(Verdict.YES, p.verdict());
    assertEquals(List.of("guest:nic0", "tap0", "host", "eth0", "lan", "internet"), p.path());
  }

  @Test
  void natBridgePathCrossesTapBridgeNatAndUplink() {
    Pair p = pair(Samples.load("nat-bridge.json"), "guest1", "lan");
    assertEquals(List.of("guest1:nic0", "tap0", "br0", "host", "NAT", "eth0", "lan"), p.path());
  }

  @Test
  void withoutIpForwardTheRoutedGuestDoesNotReachTheLan() {
    Topology t = Samples.load("routed-tun.json");
    host(t, h -> h.withIpForward(false));
    Pair p = pair(t, "guest", "lan");
    assertEquals(Verdict.NO, p.verdict());
    assertTrue(mentions(p, "ip_forward"), p::toString);
  }

  @Test
  void withoutTheGatewaysRouteBackTheLanReachesTheGuestOnlyOnceItRoutes() {
    Topology t = Samples.load("routed-tun.json");
    change(t, "lan", Lan.class, l -> l.withRoutes(List.of()));
    Pair p = pair(t, "lan", "guest");
    assertEquals(Verdict.ONLY_WITH, p.verdict());
    assertEquals("only once the LAN gateway routes 172.20.0.0/16 via 192.168.0.10", p.condition());
  }

  @Test
  void privateGuestIsReachableFromTheInternetOnlyThroughAPortForward() {
    Pair p = pair(Samples.load("routed-tun.json"), "internet", "guest");
    assertEquals(Verdict.ONLY_WITH, p.verdict());
    assertTrue(p.condition().contains("forwards a port to 172.20.0.10"), p::condition);
  }

  @Test
  void publicRoutedSubnetIsReachableFromTheInternet() {
    Topology t = Samples.load("routed-tun.json");
    change(t, "tap0", Tap.class, x -> x.withAddress("198.51.100.1/24"));
    address(t, "guest", "nic0", "198.51.100.10/24");
    gateway(t, "guest", "nic0", "198.51.100.1");
    change(t, "lan", Lan.class, l -> l.withRoutes(List.of(new Lan.Route("198.51.100.0/24", "192.168.0.10"))));
    assertEquals(Verdict.YES, pair(t, "internet", "guest").verdict());
  }

  @Test
  void natHidesGuestsFromTheLan() {
    Topology t = Samples.load("nat-routing.json");
    Pair in = pair(t, "lan", "guest1");
    assertEquals(Verdict.NO, in.verdict());
    assertTrue(mentions(in, "hidden behind the host's NAT"), in::toString);
    assertTrue(pair(t, "guest1", "lan").path().contains("NAT"));
  }

  @Test
  void userNetLetsTheLanInOnlyThroughHostForwards() {
    Pair p = pair(Samples.load("user-net-hostfwd.json"), "lan", "sol11");
    assertEquals(Verdict.ONLY_WITH, p.verdict());
    assertEquals("only to hostfwd ports tcp/5022", p.condition());
    assertEquals(List.of("lan", "eth0", "host", "user0", "sol11:nic0"), p.path());
  }

  @Test
  void userNetGuestOutboundWarnsThatPingIsUnreliable() {
    Pair p = pair(Samples.load("user-net-hostfwd.json"), "sol11", "internet");
    assertEquals(Verdict.YES, p.verdict());
    assertTrue(p.condition().contains("ping"), p::condition);
  }

  @Test
  void aForwardBoundToLoopbackServesOnlyTheHost() {
    Topology t = Samples.load("user-net-hostfwd.json");
    change(t, "user0", UserNet.class, u -> u.withHostfwd(List.of(
        new HostForward(HostForward.Protocol.TCP, "127.0.0.1", 5022, null, 22))));
    assertEquals(Verdict.NO, pair(t, "lan", "sol11").verdict());
    assertEquals(Verdict.ONLY_WITH, pair(t, "host", "sol11").verdict());
  }

  @Test
  void proxyArpNeedsTheUplinkToAnswerForTheGuests() {
    Topology t = Samples.load("wifi-proxy-arp.json");
    host(t, h -> h.withProxyArp(List.of("tap1", "tap2", "tap3")));
    Pair p = pair(t, "lan", "vm1");
    assertEquals(Verdict.NO, p.verdict());
    assertTrue(mentions(p, "answers ARP for 192.168.1.10"), p::toString);
  }

  @Test
  void proxyArpNeedsAHostRoutePerGuest() {
    Topology t = Samples.load("wifi-proxy-arp.json");
    host(t, h -> h.withRoutes(List.of(h.routes().get(0), h.routes().get(2))));
    assertEquals(Verdict.NO, pair(t, "vm1", "vm2").verdict());
    assertEquals(Verdict.YES, pair(t, "vm1", "vm3").verdict());
  }

  @Test
  void bridgingAWirelessUplinkKeepsGuestsOffTheLan() {
    Topology t = Samples.load("bridged-lan.json");
    change(t, "eth0", Uplink.class, u -> new Uplink(u.id(), u.name(), Uplink.Medium.WIRELESS, u.address(), u.gateway(), u.dns()));
    Pair p = pair(t, "guest1", "lan");
    assertEquals(Verdict.NO, p.verdict());
    assertTrue(mentions(p, "access point drops frames"), p::toString);
  }

  @Test
  void guestWithoutGatewayIsToldWhichOneToSet() {
    Pair p = pair(Samples.load("tap-host-only.json"), "dsl", "lan");
    assertEquals(Verdict.NO, p.verdict());
    assertTrue(mentions(p, "default gateway (192.168.1.250)"), p::toString);
  }

  @Test
  void natForGuestsKeepsGuestToGuestUnNatted() {
    Topology t = Samples.load("nat-routing.json");
    Pair p = pair(t, "guest1", "guest2");
    assertEquals(List.of("guest1:nic0", "tap0", "host", "tap1", "guest2:nic0"), p.path());
  }

  @Test
  void anotherGuestReachesAUserNetGuestOnlyThroughItsHostForwards() {
    Topology t = Samples.load("user-net-hostfwd.json");
    t.add(new Tap("tap9", "tap9", "10.9.0.1/24", null), null);
    t.add(Guest.of("other", "other", new Nic("nic0", NicModel.E1000, "52:54:00:09:00:10",
        IpConfig.fixed("10.9.0.10/24", "10.9.0.1"))), null);
    t.connect(new Link("x1", Endpoint.parse("other:nic0"), Endpoint.of("tap9")));
    Pair p = pair(t, "other", "sol11");
    assertEquals(Verdict.ONLY_WITH, p.verdict());
    assertEquals("only to hostfwd ports tcp/5022", p.condition());
    assertEquals(List.of("other:nic0", "tap9", "host", "user0", "sol11:nic0"), p.path());
  }

  @Test
  void dhcpGuestOnABridgedLanGetsALanAddressAndReachesTheLan() {
    Topology t = Samples.load("bridged-lan.json");
    dev.patchbay.model.Edits.nic(t, "guest1", "nic0", n -> n.withIp(IpConfig.dhcp()));
    assertEquals(Verdict.YES, pair(t, "guest1", "lan").verdict());
    assertEquals(Verdict.YES, pair(t, "lan", "guest1").verdict());
  }

  @Test
  void dhcpGuestBehindAPlainTapGetsNoAddress() {
    Topology t = Samples.load("tap-host-only.json");
    dev.patchbay.model.Edits.nic(t, "dsl", "nic0", n -> n.withIp(IpConfig.dhcp()));
    Pair p = pair(t, "dsl", "host");
    assertEquals(Verdict.NO, p.verdict());
    assertTrue(mentions(p, "no DHCP server"), p::toString);
  }

  @Test
  void everyGuestGetsEveryNeedAndEveryOrderedPair() {
    List<Pair> pairs = Reachability.of(Samples.load("wifi-proxy-arp.json"));
    assertEquals(3 * 6 + 3 * 2, pairs.size());
    assertTrue(SampleReachabilityTest.ids(pairs).containsAll(List.of("vm1>vm2", "vm2>vm1", "host>vm3", "vm3>host")));
  }

  @Test
  void hostRoutesWithMalformedDestinationsAreIgnoredNotFatal() {
    Topology t = Samples.load("wifi-proxy-arp.json");
    host(t, h -> h.withRoutes(List.of(new HostSettings.Route("not-an-address", null, "tap1"), h.routes().get(1))));
    assertEquals(Verdict.NO, pair(t, "lan", "vm1").verdict());
  }
}
