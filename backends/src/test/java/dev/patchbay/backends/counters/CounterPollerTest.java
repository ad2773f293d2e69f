package dev.patchbay.backends.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.LinkCounters;
import dev.patchbay.backends.qemu.FrameDumps;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkMeter;
import dev.patchbay.model.counters.LinkMeters;
import dev.patchbay.model.counters.LinkReading;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterPollerTest {
  private static final long GUEST_A = 0x52540004000aL;
  private static final long GUEST_B = 0x52540004000bL;
  @TempDir
  Path runRoot;
  private final Map<Integer, LinkCounters> stats = new HashMap<>();
  private final Map<String, Integer> indexes = new HashMap<>();
  private int indexLookups;
  private long nanos;

  private final KernelCounters kernel = new KernelCounters() {
    @Override
    public Map<Integer, LinkCounters> counters() {
      return Map.copyOf(stats);
    }

    @Override
    public Map<String, Integer> indexes() {
      indexLookups++;
      return Map.copyOf(indexes);
    }
  };

  @BeforeEach
  void lo() {
    indexes.put("lo", 1);
    stats.put(1, counters(0, 0));
  }

  private static LinkCounters counters(long rx, long tx) {
    return new LinkCounters(rx, tx, rx * 100, tx * 100, 1, 2, 3, 4);
  }

  private CounterPoller poller(String sample) throws Exception {
    Topology t = TopologyFiles.load(Path.of("..", "samples", sample));
    List<LinkMeter> meters = LinkMeters.of(t);
    return new CounterPoller(meters, kernel, dev.patchbay.backends.qemu.GuestFolders.byId(runRoot, t), () -> nanos);
  }

  private static LinkReading link(CounterSnapshot s, String id) {
    return s.link(id).orElseThrow();
  }

  @Test
  void tapLinkSplitsRxAndTxByWhichEndTheTapIs() throws Exception {
    indexes.put("tap0", 7);
    stats.put(7, counters(10, 4));
    CounterSnapshot s = poller("nat-bridge.json").poll();
    LinkReading tapToBridge = link(s, "l2");
    assertEquals(10L, tapToBridge.aToB(), "tap0 -> br0 is what tap0 received");
    assertEquals(4L, tapToBridge.bToA());
    assertEquals(14L, tapToBridge.total());
    assertEquals(1400L, tapToBridge.bytes());
    assertEquals(3L, tapToBridge.errors());
    assertEquals(7L, tapToBridge.drops());
  }

  @Test
  void missingInterfaceIsNotAvailableWithItsName() throws Exception {
    LinkReading uplink = link(poller("nat-bridge.json").poll(), "l1");
    assertNull(uplink.total());
    assertEquals("no interface named eth0 in the lab's namespace", uplink.note());
  }

  @Test
  void rateIsTheFrameDeltaOverTheRealElapsedTime() throws Exception {
    indexes.put("tap0", 7);
    stats.put(7, counters(10, 0));
    CounterPoller p = poller("nat-bridge.json");
    assertNull(link(p.poll(), "l2").rate(), "no rate before a second poll");
    stats.put(7, counters(40, 20));
    nanos += 500_000_000L;

    CounterSnapshot s = p.poll();

    assertEquals(0.5, s.elapsedSeconds(), 1e-9);
    assertEquals(100.0, link(s, "l2").rate(), 1e-9);
  }

  @Test
  void rateOfALinkWithoutNewFramesIsZero() throws Exception {
    indexes.put("tap0", 7);
    stats.put(7, counters(10, 0));
    CounterPoller p = poller("nat-bridge.json");
    p.poll();
    nanos += 1_000_000_000L;
    assertEquals(0.0, link(p.poll(), "l2").rate());
  }

  @Test
  void interfaceNamesAreLookedUpAgainOnlyWhenInterfacesComeOrGo() throws Exception {
    CounterPoller p = poller("nat-bridge.json");
    p.poll();
    p.poll();
    assertEquals(1, indexLookups);
    indexes.put("tap0", 9);
    stats.put(9, counters(5, 5));

    LinkReading r = link(p.poll(), "l2");

    assertEquals(2, indexLookups);
    assertEquals(10L, r.total(), "the new tap0 is found");
  }

  @Test
  void frameDumpSplitsByTheHubsNicAddresses() throws Exception {
    Files.createDirectories(runRoot.resolve("guestA"));
    PcapWriter w = new PcapWriter(FrameDumps.file(runRoot.resolve("guestA"), "net-vlan0-sock8010-listen"),
        ByteOrder.LITTLE_ENDIAN);
    w.frame(GUEST_A, 98, 64);
    w.frame(GUEST_A, 98, 64);
    w.frame(GUEST_B, 98, 64);

    LinkReading r = link(poller("socket-listen-connect.json").poll(), "l1");

    assertEquals(2L, r.aToB(), "vlan0 -> socket: guestA's frames");
    assertEquals(1L, r.bToA());
    assertEquals(294L, r.bytes());
    assertNull(r.errors(), "a pcap knows no errors");
  }

  @Test
  void frameDumpWithoutDirectionGivesTheTotalAndSaysWhy() throws Exception {
    Files.createDirectories(runRoot.resolve("guestA"));
    PcapWriter w = new PcapWriter(FrameDumps.file(runRoot.resolve("guestA"), "net-nic0"), ByteOrder.LITTLE_ENDIAN);
    w.frame(0x52540005000aL, 60, 64);

    LinkReading r = link(poller("mcast-three-guests.json").poll(), "l0");

    assertEquals(1L, r.total());
    assertNull(r.aToB());
    assertTrue(r.note().contains("multicast"), r.note());
  }

  /** hub-tap: l1 vlan0 - qtap0 is read from qtap0's counters, which QEMU keeps draining while the link is cut. */
  @Test
  void aCutLinkReadFromATapIsNotAvailableWhileCut() throws Exception {
    indexes.put("qtap0", 7);
    stats.put(7, counters(40, 50));
    CounterPoller p = poller("hub-tap.json");

    p.cut(java.util.Set.of("l1"));
    LinkReading cut = link(p.poll(), "l1");
    p.cut(java.util.Set.of());
    LinkReading restored = link(p.poll(), "l1");

    assertNull(cut.total(), "the tap's tx counts frames QEMU drains and drops: " + cut);
    assertTrue(cut.note().startsWith("cut: QEMU keeps reading qtap0"), cut.note());
    assertEquals(90L, restored.total());
  }

  @Test
  void missingFrameDumpIsNotAvailable() throws Exception {
    LinkReading r = link(poller("socket-listen-connect.json").poll(), "l3");
    assertNull(r.total());
    assertTrue(r.note().startsWith("no frame dump at "), r.note());
  }

  @Test
  void lanToInternetIsNotAvailable() throws Exception {
    LinkReading r = link(poller("nat-bridge.json").poll(), "l0");
    assertNull(r.total());
    assertTrue(r.note().contains("outside the host"), r.note());
  }

  @Test
  void pollingFasterThanTenHertzIsRefused() throws Exception {
    try (CounterPoller p = poller("nat-bridge.json")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> p.start(Duration.ofMillis(50), s -> { }));
      assertTrue(e.getMessage().contains("10 times a second"), e.getMessage());
    }
  }
}
