package dev.patchbay.backends.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.NamespaceThread;
import dev.patchbay.backends.netlink.RtNetlink;
import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.backends.probe.Probe;
import dev.patchbay.backends.probe.ProbeGuestBuilder;
import dev.patchbay.backends.qemu.FrameDumps;
import dev.patchbay.backends.qemu.GuestProcess;
import dev.patchbay.backends.qemu.LabGuests;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkMeter;
import dev.patchbay.model.counters.LinkMeters;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The socket scenario: a socket between two QEMU processes (samples/socket-listen-connect.json), every link
 * inside QEMU: guestA:nic0 - vlan0 - socket - vlan2 - guestB:nic0, each counted by a filter-dump in
 * the process that holds it, its direction told by source MAC. The guests ping each other at boot.
 * A two-port hub passes every frame from one port to the other and a socket carries the same frames
 * at both ends, so each frame guestA's NIC sent is counted once on every link on its way to guestB.
 */
@Tag("guests")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CounterPollerSocketGuestsTest {
  private TestNamespace ns;
  private RtNetlink nl;
  private LabGuests lab;
  private Path runRoot;
  private CounterPoller poller;

  @BeforeAll
  void boot() throws Exception {
    Topology t = TopologyFiles.load(Path.of("..", "samples", "socket-listen-connect.json"));
    ns = TestNamespace.create();
    TestNamespace.run(List.of("ip", "-n", ns.name(), "link", "set", "lo", "up"));
    try (NamespaceThread thread = NamespaceThread.enter(ns.name())) {
      nl = RtNetlink.openIn(thread);
    }
    runRoot = Files.createTempDirectory("pb-cnt-");
    List<LinkMeter> meters = LinkMeters.of(t);
    Map<String, List<Probe>> probes = Map.of("guestA", List.of(Probe.icmp("10.4.0.11")),
        "guestB", List.of(Probe.icmp("10.4.0.10")));
    lab = LabGuests.start(t, runRoot, Optional.of(ns.name()), new ProbeGuestBuilder().build(),
        g -> probes.get(g.id()), 20, FrameDumps.addTo(meters));
    for (String id : List.of("guestA", "guestB")) {
      GuestProcess g = lab.guest(id);
      assertTrue(g.await(p -> p.report().done(), Duration.ofSeconds(120)), () -> g.status() + "\n" + g.console());
    }
    poller = new CounterPoller(meters, KernelCounters.of(nl), dev.patchbay.backends.qemu.GuestFolders.byId(runRoot, t));
  }

  @AfterAll
  void teardown() throws Exception {
    try {
      if (lab != null) {
        lab.close();
      }
      if (nl != null) {
        nl.close();
      }
    } finally {
      ns.close();
      try (Stream<Path> files = Files.walk(runRoot)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /** l0 guestA:nic0 - vlan0, l1 vlan0 - sock:listen, l2 sock:connect - vlan2, l3 guestB:nic0 - vlan2. */
  @Test
  void everyFrameOneGuestSentIsCountedOnceOnEachLinkToTheOther() throws Exception {
    CounterSnapshot s = awaitQuiet();
    long aSent = s.link("l0").orElseThrow().aToB();
    long bSent = s.link("l3").orElseThrow().aToB();
    assertTrue(aSent >= 2 && bSent >= 2, "both guests pinged: " + s);
    assertEquals(List.of(aSent, aSent, aSent, aSent), List.of(
        s.link("l0").orElseThrow().aToB(), s.link("l1").orElseThrow().aToB(),
        s.link("l2").orElseThrow().aToB(), s.link("l3").orElseThrow().bToA()), "guestA's frames along the way: " + s);
    assertEquals(List.of(bSent, bSent, bSent, bSent), List.of(
        s.link("l3").orElseThrow().aToB(), s.link("l2").orElseThrow().bToA(),
        s.link("l1").orElseThrow().bToA(), s.link("l0").orElseThrow().bToA()), "guestB's frames along the way: " + s);
  }

  @Test
  void theSocketLinksAreCountedInTheProcessThatHoldsEachEnd() throws Exception {
    CounterSnapshot s = poller.poll();
    assertEquals("filter-dump guestA/net-vlan0-sock8010-listen", s.link("l1").orElseThrow().source());
    assertEquals("filter-dump guestB/net-vlan2-sock8010-connect", s.link("l2").orElseThrow().source());
  }

  /** Polls until two readings 300 ms apart agree on every link: the guests have stopped talking. */
  private CounterSnapshot awaitQuiet() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    CounterSnapshot before = poller.poll();
    while (System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
      CounterSnapshot now = poller.poll();
      boolean same = true;
      for (String l : List.of("l0", "l1", "l2", "l3")) {
        same &= now.link(l).orElseThrow().total().equals(before.link(l).orElseThrow().total());
      }
      if (same) {
        return now;
      }
      before = now;
    }
    throw new AssertionError("the guests kept talking: " + before);
  }
}
