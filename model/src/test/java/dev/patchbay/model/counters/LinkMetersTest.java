package dev.patchbay.model.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.counters.Meter.FrameDump;
import dev.patchbay.model.counters.Meter.InterfaceCounters;
import dev.patchbay.model.counters.Meter.Unavailable;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.net.Mac;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LinkMetersTest {
  static Stream<Path> samples() {
    return Samples.all().stream();
  }

  private static Meter meterOf(String sample, String linkId) throws Exception {
    Topology t = TopologyFiles.load(Samples.named(sample));
    return LinkMeters.of(t).stream().filter(m -> m.link().id().equals(linkId)).findFirst().orElseThrow().meter();
  }

  private static Mac mac(String text) {
    return Mac.parse(text).orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyLinkOfEverySampleGetsASourceOrAReason(Path sample) throws Exception {
    Topology t = TopologyFiles.load(sample);
    List<LinkMeter> meters = LinkMeters.of(t);
    assertEquals(t.links().size(), meters.size());
    for (LinkMeter m : meters) {
      if (m.meter() instanceof Unavailable u) {
        assertFalse(u.reason().isBlank(), m.link().id());
      } else if (m.meter() instanceof FrameDump d && d.direction().isEmpty()) {
        assertFalse(d.totalOnlyReason().isBlank(), m.link().id());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void onlyTheLanToInternetLinkIsUnreadableInTheSamples(Path sample) throws Exception {
    Topology t = TopologyFiles.load(sample);
    for (LinkMeter m : LinkMeters.of(t)) {
      boolean outside = m.link().touches("internet");
      assertEquals(outside, !m.available(), m.link() + " " + m.meter());
    }
  }

  @Test
  void nicToTapIsDumpedOnTheNicsNetdevBecauseACutNicStillDrainsItsTap() throws Exception {
    FrameDump d = (FrameDump) meterOf("nat-bridge.json", "l4");
    assertEquals("guest1", d.guestId());
    assertEquals("net-nic0", d.netdevId());
    assertTrue(d.direction().orElseThrow().aToB(mac("52:54:00:00:00:10")), "guest1's frames go nic0 -> tap0");
  }

  @Test
  void nicWithoutMacOnATapFallsBackToTheTapsCounters() {
    Topology t = new Topology();
    t.add(Guest.of("g", "g", new Nic("nic0", NicModel.E1000, null, IpConfig.none())), null);
    t.add(new dev.patchbay.model.topology.Tap("t0", "tap9", null, null), null);
    t.connect(new Link("l", Endpoint.of("t0"), Endpoint.of("g", "nic0")));
    assertEquals(new InterfaceCounters("tap9", false), LinkMeters.of(t).get(0).meter());
  }

  @Test
  void tapToBridgeCountsTheTapsReceivedFramesTowardsTheBridge() throws Exception {
    assertEquals(new InterfaceCounters("tap0", true), meterOf("nat-bridge.json", "l2"));
  }

  @Test
  void uplinkToLanCountsTheUplinksSentFramesTowardsTheLan() throws Exception {
    assertEquals(new InterfaceCounters("eth0", false), meterOf("nat-bridge.json", "l1"));
  }

  @Test
  void uplinkToBridgeCountsTheUplinksReceivedFramesTowardsTheBridge() throws Exception {
    assertEquals(new InterfaceCounters("eth0", true), meterOf("bridged-lan.json", "l2"));
  }

  @Test
  void hubToTapCountsTheTapsReceivedFramesFromTheHub() throws Exception {
    assertEquals(new InterfaceCounters("qtap0", true), meterOf("hub-tap.json", "l1"));
  }

  @Test
  void vdeToTapCountsTheTapLikeAnyHolderOfItsDescriptor() throws Exception {
    assertEquals(new InterfaceCounters("qtap", false), meterOf("vde-switch.json", "l0"));
  }

  @Test
  void lanToInternetIsNotAvailable() throws Exception {
    assertInstanceOf(Unavailable.class, meterOf("nat-bridge.json", "l0"));
  }

  @Test
  void nicOnAHubIsDumpedOnItsOwnNetdevAndSplitByItsMac() throws Exception {
    FrameDump d = (FrameDump) meterOf("hub-nics.json", "l1");
    assertEquals("guest", d.guestId());
    assertEquals("net-nic1", d.netdevId());
    assertTrue(d.direction().orElseThrow().aToB(mac("52:54:00:12:34:57")), "nic1's own frames go a->b");
    assertFalse(d.direction().orElseThrow().aToB(mac("52:54:00:12:34:56")), "nic0's frames reach nic1 b->a");
  }

  @Test
  void hubSideOfASocketIsDumpedInTheHubsProcessAndSplitByTheHubsNics() throws Exception {
    FrameDump listen = (FrameDump) meterOf("socket-listen-connect.json", "l1");
    assertEquals("guestA", listen.guestId());
    assertEquals("net-vlan0-sock8010-listen", listen.netdevId());
    assertTrue(listen.direction().orElseThrow().aToB(mac("52:54:00:04:00:0a")), "guestA's frames leave vlan0 (a)");
    assertFalse(listen.direction().orElseThrow().aToB(mac("52:54:00:04:00:0b")), "guestB's frames enter vlan0");
    FrameDump connect = (FrameDump) meterOf("socket-listen-connect.json", "l2");
    assertEquals("guestB", connect.guestId());
    assertEquals("net-vlan2-sock8010-connect", connect.netdevId());
    assertFalse(connect.direction().orElseThrow().aToB(mac("52:54:00:04:00:0b")), "guestB's frames go b->a");
  }

  @Test
  void userNetOnAHubIsSplitByTheHubsNics() throws Exception {
    FrameDump d = (FrameDump) meterOf("user-on-hub.json", "l2");
    assertEquals("net-vlan1-user0", d.netdevId());
    assertTrue(d.direction().orElseThrow().aToB(mac("52:54:00:08:00:11")));
    assertFalse(d.direction().orElseThrow().aToB(mac("52:55:0a:00:02:02")), "slirp's frames come from user0 (b)");
  }

  @Test
  void multicastSocketGivesTheTotalOnlyBecauseOwnFramesLoopBack() throws Exception {
    FrameDump d = (FrameDump) meterOf("mcast-three-guests.json", "l0");
    assertEquals("net-nic0", d.netdevId());
    assertTrue(d.direction().isEmpty());
    assertTrue(d.totalOnlyReason().contains("loops"), d.totalOnlyReason());
  }

  @Test
  void nicWithoutMacGivesTheTotalOnly() {
    Topology t = new Topology();
    t.add(Guest.of("g", "g", new Nic("nic0", NicModel.E1000, null, IpConfig.none())), null);
    t.add(new UserNet("u", "u", null, null, null, null, List.of()), null);
    t.connect(new Link("l", Endpoint.of("g", "nic0"), Endpoint.of("u")));
    FrameDump d = (FrameDump) LinkMeters.of(t).get(0).meter();
    assertTrue(d.direction().isEmpty());
    assertTrue(d.totalOnlyReason().contains("no MAC"), d.totalOnlyReason());
  }

  @Test
  void hubWithTwoAttachmentsGivesTheTotalOnlyOnEach() {
    Topology t = new Topology();
    t.add(Guest.of("g", "g", new Nic("nic0", NicModel.E1000, "52:54:00:00:00:01", IpConfig.none())), null);
    t.add(new Hub("h", "h", 0), null);
    t.add(new UserNet("u1", "u1", null, null, null, null, List.of()), null);
    t.add(new UserNet("u2", "u2", null, null, null, null, List.of()), null);
    t.connect(new Link("l0", Endpoint.of("g", "nic0"), Endpoint.of("h")));
    t.connect(new Link("l1", Endpoint.of("h"), Endpoint.of("u1")));
    t.connect(new Link("l2", Endpoint.of("h"), Endpoint.of("u2")));
    FrameDump d = (FrameDump) LinkMeters.of(t).get(1).meter();
    assertEquals("net-h-u1", d.netdevId());
    assertTrue(d.direction().isEmpty());
  }

  @Test
  void hubWithoutNicIsNotAvailable() {
    Topology t = new Topology();
    t.add(new Hub("h", "h", 0), null);
    t.add(new UserNet("u", "u", null, null, null, null, List.of()), null);
    t.connect(new Link("l", Endpoint.of("h"), Endpoint.of("u")));
    Meter m = LinkMeters.of(t).get(0).meter();
    assertTrue(((Unavailable) m).reason().contains("no NIC"));
  }

  @Test
  void dumpsAreListedOncePerGuestAndNetdev() throws Exception {
    Topology t = TopologyFiles.load(Samples.named("socket-listen-connect.json"));
    assertEquals(Map.of("guestA", List.of("net-nic0", "net-vlan0-sock8010-listen"),
        "guestB", List.of("net-vlan2-sock8010-connect", "net-nic0")), LinkMeters.dumpsByGuest(LinkMeters.of(t)));
  }
}
