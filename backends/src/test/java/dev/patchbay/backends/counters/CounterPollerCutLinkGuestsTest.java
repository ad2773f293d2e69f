package dev.patchbay.backends.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.NamespaceThread;
import dev.patchbay.backends.netlink.RtNetlink;
import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.backends.probe.Probe;
import dev.patchbay.backends.probe.ProbeGuestBuilder;
import dev.patchbay.backends.probe.ProbeReport;
import dev.patchbay.backends.qemu.FrameDumps;
import dev.patchbay.backends.qemu.GuestFolders;
import dev.patchbay.backends.qemu.GuestProcess;
import dev.patchbay.backends.qemu.LabGuestStarter;
import dev.patchbay.backends.qemu.LabGuests;
import dev.patchbay.backends.qemu.LabLinks;
import dev.patchbay.backends.qemu.Qmp;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkMeter;
import dev.patchbay.model.counters.LinkMeters;
import dev.patchbay.model.counters.LinkReading;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A cut link counts only frames that crossed it. In the socket scenario (guestA:nic0 - l0 - vlan0 -
 * l1 - socket - l2 - vlan2 - l3 - guestB:nic0) l1 is cut in guestA's QEMU as the guests boot; then
 * both guests ping each other for 20 s in vain. guestA's ARP requests cross l0 into the hub, which
 * floods them towards the socket: they must not show on l1, whose filter-dump sits on the socket's
 * netdev (QEMU used to record them there and only then discard them). guestB's frames cross l3 and
 * l2 into the socket and are dropped where l1 begins.
 */
@Tag("guests")
class CounterPollerCutLinkGuestsTest {
  private static final String LAB = "cut";

  @Test
  void framesTheCutDropsAreNotCountedOnTheCutLink() throws Exception {
    Topology t = TopologyFiles.load(Path.of("..", "samples", "socket-listen-connect.json"));
    Path labsRoot = Files.createTempDirectory("pb-cut-");
    Path runRoot = LabGuestStarter.guestsDir(labsRoot, LAB);
    List<LinkMeter> meters = LinkMeters.of(t);
    Map<String, List<Probe>> probes = Map.of("guestA", List.of(Probe.icmp("10.4.0.11")),
        "guestB", List.of(Probe.icmp("10.4.0.10")));
    try (TestNamespace ns = TestNamespace.create()) {
      TestNamespace.run(List.of("ip", "-n", ns.name(), "link", "set", "lo", "up")); // the socket runs over lo
      RtNetlink nl;
      try (NamespaceThread thread = NamespaceThread.enter(ns.name())) {
        nl = RtNetlink.openIn(thread);
      }
      try (nl; LabGuests lab = LabGuests.start(t, runRoot, Optional.of(ns.name()), new ProbeGuestBuilder().build(),
          g -> probes.get(g.id()), 20, FrameDumps.addTo(meters))) {
        LabLinks.Carrier l1 = LabLinks.carrier(t, "l1");
        Qmp qmp = lab.guest(l1.guest().id()).qmp();
        awaitAccepted(qmp);
        LabLinks.set(qmp, l1, false);
        CounterPoller poller = new CounterPoller(meters, KernelCounters.of(nl), GuestFolders.byId(runRoot, t));
        CounterSnapshot atCut = poller.poll();
        for (String id : List.of("guestA", "guestB")) {
          GuestProcess g = lab.guest(id);
          assertTrue(g.await(p -> p.report().done(), Duration.ofSeconds(240)), () -> g.status() + "\n" + g.console());
          assertFalse(g.report().result(probes.get(id).get(0)).map(ProbeReport.ProbeResult::ok).orElse(true),
              id + "'s ping crossed a cut link: " + g.console());
        }
        CounterSnapshot after = poller.poll();

        assertTrue(aToB(after, "l0") - aToB(atCut, "l0") >= 2, "guestA's ARP requests cross l0: " + after);
        assertTrue(aToB(after, "l3") - aToB(atCut, "l3") >= 2, "guestB's ARP requests cross l3: " + after);
        assertEquals(total(atCut, "l1"), total(after, "l1"), "nothing crossed the cut l1: " + after);
      }
    } finally {
      try (Stream<Path> files = Files.walk(labsRoot)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /**
   * QEMU sets a listening socket's link up again when it accepts the connection: the cut must come
   * after guestA's QEMU has accepted guestB's (its "info network" then names where it came from).
   */
  private static void awaitAccepted(Qmp qmp) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String info = "";
    while (!info.contains("connection from")) {
      assertTrue(System.nanoTime() < deadline, "guestA's QEMU never accepted guestB's connection: " + info);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      info = qmp.execute("human-monitor-command", Map.of("command-line", "info network")).asText();
    }
  }

  private static long aToB(CounterSnapshot s, String link) {
    return reading(s, link).aToB();
  }

  private static long total(CounterSnapshot s, String link) {
    return reading(s, link).total();
  }

  private static LinkReading reading(CounterSnapshot s, String link) {
    LinkReading r = s.link(link).orElseThrow();
    assertTrue(r.total() != null, link + " reads n/a: " + r.note());
    return r;
  }
}
