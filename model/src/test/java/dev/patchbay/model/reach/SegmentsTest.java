package dev.patchbay.model.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {
  @Test
  void tapsJoinTheirGuestsWithTheirBridge() {
    Segments s = Segments.of(Samples.load("nat-bridge.json"));
    assertTrue(s.together("guest1:nic0", "guest2:nic0"));
    assertTrue(s.together("guest1:nic0", "br0"));
    assertFalse(s.together("br0", "eth0"), "the NAT design does not bridge the uplink");
  }

  @Test
  void bridgedUplinkPutsTheLanOnTheGuestsSegment() {
    Segments s = Segments.of(Samples.load("bridged-lan.json"));
    assertTrue(s.together("guest1:nic0", "lan"));
  }

  @Test
  void socketsJoinHubsOfTwoProcesses() {
    Segments s = Segments.of(Samples.load("socket-listen-connect.json"));
    assertTrue(s.together("guestA:nic0", "guestB:nic0"));
    assertEquals(1, s.all().size());
  }

  @Test
  void vdeSwitchJoinsGuestsAndItsTap() {
    Segments s = Segments.of(Samples.load("vde-switch.json"));
    assertTrue(s.together("guestA:nic0", "qtap"));
    assertTrue(s.together("guestB:nic0", "qtap"));
  }

  @Test
  void theInternetIsOnNoSegment() {
    Segments s = Segments.of(Samples.load("routed-tun.json"));
    assertTrue(s.of("internet").isEmpty());
    assertTrue(s.together("eth0", "lan"));
  }

  @Test
  void pathFollowsTheWires() {
    Segments s = Segments.of(Samples.load("nat-bridge.json"));
    assertEquals(List.of("guest1:nic0", "tap0", "br0", "tap1", "guest2:nic0"), s.path("guest1:nic0", "guest2:nic0"));
  }

  @Test
  void aGuestWithTwoNicsDoesNotBridgeThem() {
    Topology t = new Topology();
    Nic a = new Nic("nic0", NicModel.E1000, "52:54:00:00:00:01", IpConfig.none());
    Nic b = new Nic("nic1", NicModel.E1000, "52:54:00:00:00:02", IpConfig.none());
    t.add(Guest.of("g", "g", a, b), null);
    t.add(new Hub("h0", "h0", 0), null);
    t.add(new Hub("h1", "h1", 1), null);
    t.connect(new Link("l0", Endpoint.parse("g:nic0"), Endpoint.of("h0")));
    t.connect(new Link("l1", Endpoint.parse("g:nic1"), Endpoint.of("h1")));
    Segments s = Segments.of(t);
    assertFalse(s.together("h0", "h1"));
    assertEquals(2, s.all().size());
  }
}
