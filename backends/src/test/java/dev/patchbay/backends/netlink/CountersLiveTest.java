package dev.patchbay.backends.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.sysctl.Sysctl;
import dev.patchbay.backends.tun.Tap;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The 64-bit counters of one RTM_GETSTATS dump count exactly the frames that crossed each interface:
 * N broadcast frames written into a tap on a bridge arrive on the tap, are flooded out of the
 * bridge's veth port and received by the veth's peer. The namespace is kept quiet so every frame
 * counted is accounted for: IPv6 is off (no router solicitations, no MLD), reports for link-local
 * IPv4 groups are off (a bridge joins 224.0.0.106 and would send IGMPv3 reports for it, seen here),
 * and STP is off on the bridge. Ports only flood once the kernel has moved them to forwarding, which
 * happens asynchronously (linkwatch) after they come up, so the test waits for that first.
 */
@Tag("live")
class CountersLiveTest {
  private static final int FRAMES = 250;
  private TestNamespace ns;
  private NamespaceThread thread;
  private RtNetlink nl;

  @BeforeEach
  void enterNamespace() throws IOException {
    ns = TestNamespace.create();
    thread = NamespaceThread.enter(ns.name());
    nl = RtNetlink.openIn(thread);
    Sysctl sysctl = Sysctl.in(thread);
    sysctl.write("net.ipv6.conf.all.disable_ipv6", "1");
    sysctl.write("net.ipv6.conf.default.disable_ipv6", "1");
    sysctl.write("net.ipv4.igmp_link_local_mcast_reports", "0");
  }

  @AfterEach
  void deleteNamespace() throws IOException {
    try {
      nl.close();
      thread.close();
    } finally {
      ns.close();
    }
  }

  @Test
  void frameCountsOfTapBridgePortAndVethPeerRiseByExactlyTheFramesSent() throws IOException {
    nl.create(NewLink.bridge("pbbr").up());
    nl.create(NewLink.veth("pbport", "pbpeer").up());
    try (Tap tap = Tap.createIn(thread, "pbtap")) {
      int bridge = nl.index("pbbr");
      nl.change(SetLink.named("pbtap").master(bridge).up(true));
      nl.setMaster("pbport", "pbbr");
      int tapIndex = nl.index("pbtap");
      int port = nl.index("pbport");
      int peer = nl.index("pbpeer");
      awaitForwarding("pbtap");
      awaitForwarding("pbport");
      Map<Integer, LinkCounters> before = nl.counters();

      for (int i = 0; i < FRAMES; i++) {
        tap.write(broadcastFrame(i));
      }

      Map<Integer, LinkCounters> after = awaitRx(peer, before.get(peer).rxPackets() + FRAMES);
      assertEquals(FRAMES, after.get(tapIndex).minus(before.get(tapIndex)).rxPackets());
      assertEquals(FRAMES, after.get(port).minus(before.get(port)).txPackets());
      assertEquals(FRAMES, after.get(peer).minus(before.get(peer)).rxPackets());
      assertEquals(FRAMES * 60L, after.get(peer).minus(before.get(peer)).rxBytes());
      assertEquals(0, after.get(peer).minus(before.get(peer)).txPackets());
      assertEquals(after.get(peer), nl.link("pbpeer").orElseThrow().counters().orElseThrow(),
          "IFLA_STATS64 of RTM_GETLINK agrees with RTM_GETSTATS");
    }
  }

  @Test
  void oneDumpReportsEveryInterfaceOfTheNamespace() throws IOException {
    for (int i = 0; i < 20; i++) {
      nl.create(NewLink.veth("pbx" + i, "pby" + i));
    }

    Map<Integer, LinkCounters> counters = nl.counters();

    assertEquals(41, counters.size());
    assertEquals(ns.ipJson("link", "show").size(), counters.size());
  }

  private void awaitForwarding(String port) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String state = "";
    while (!state.equals("forwarding") && System.nanoTime() < deadline) {
      state = ns.ipLink(port).path("linkinfo").path("info_slave_data").path("state").asText();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    assertEquals("forwarding", state, "bridge port " + port);
  }

  /** Frames written to a tap are handled in softirq context: wait for them with a deadline. */
  private Map<Integer, LinkCounters> awaitRx(int index, long expected) throws NetlinkException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      Map<Integer, LinkCounters> now = nl.counters();
      if (now.get(index).rxPackets() >= expected || System.nanoTime() > deadline) {
        assertTrue(now.get(index).rxPackets() >= expected, "frames did not arrive: " + now.get(index));
        return now;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  /** A minimal 60-byte Ethernet broadcast frame of the local experimental EtherType 0x88b5. */
  private static byte[] broadcastFrame(int sequence) {
    byte[] frame = new byte[60];
    for (int i = 0; i < 6; i++) {
      frame[i] = (byte) 0xff;
    }
    frame[6] = 0x02;
    frame[11] = 0x01;
    frame[12] = (byte) 0x88;
    frame[13] = (byte) 0xb5;
    frame[14] = (byte) (sequence >> 8);
    frame[15] = (byte) sequence;
    return frame;
  }
}
