package dev.patchbay.backends.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.NamespaceThread;
import dev.patchbay.backends.netlink.RtNetlink;
import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.backends.probe.Probe;
import dev.patchbay.backends.probe.ProbeGuestBuilder;
import dev.patchbay.backends.qemu.FrameDumps;
import dev.patchbay.backends.qemu.LabGuests;
import dev.patchbay.backends.sysctl.Sysctl;
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
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * NAT behind a bridge in a namespace of the test's own: br0 (192.168.0.1/24) with tap0 and tap1,
 * made with `ip` here as the apply engine would, and the two probe guests of the sample on them, each
 * pinging the other at boot. Each guest records its NIC's netdev with a filter-dump (the NIC's link is
 * counted there), so QEMU's figures can be checked against the kernel's for the tap. Booting costs ~25 s: the tests share it.
 */
@Tag("guests")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CounterPollerGuestsTest {
  private static final Logger LOG = Logger.getLogger(CounterPollerGuestsTest.class.getName());
  private static final String GUEST1 = "192.168.0.10";
  private TestNamespace ns;
  private RtNetlink nl;
  private LabGuests lab;
  private Path runRoot;
  private CounterPoller poller;

  @BeforeAll
  void boot() throws Exception {
    Topology t = TopologyFiles.load(Path.of("..", "samples", "nat-bridge.json"));
    ns = TestNamespace.create();
    try (NamespaceThread thread = NamespaceThread.enter(ns.name())) {
      Sysctl sysctl = Sysctl.in(thread);
      sysctl.write("net.ipv6.conf.all.disable_ipv6", "1");
      sysctl.write("net.ipv6.conf.default.disable_ipv6", "1");
      sysctl.write("net.ipv4.igmp_link_local_mcast_reports", "0");
      nl = RtNetlink.openIn(thread);
    }
    ip("link", "set", "lo", "up");
    ip("link", "add", "br0", "type", "bridge", "stp_state", "0");
    ip("addr", "add", "192.168.0.1/24", "dev", "br0");
    ip("link", "set", "br0", "up");
    for (String tap : List.of("tap0", "tap1")) {
      ip("tuntap", "add", "dev", tap, "mode", "tap");
      ip("link", "set", tap, "master", "br0");
      ip("link", "set", tap, "up");
    }
    runRoot = Files.createTempDirectory("pb-cnt-");
    List<LinkMeter> meters = LinkMeters.of(t);
    Map<String, List<Probe>> probes = Map.of("guest1", List.of(Probe.icmp("192.168.0.11")),
        "guest2", List.of(Probe.icmp(GUEST1)));
    lab = LabGuests.start(t, runRoot, Optional.of(ns.name()), new ProbeGuestBuilder().build(),
        g -> probes.get(g.id()), 20, FrameDumps.addTo(meters));
    assertTrue(lab.awaitRunning(Duration.ofSeconds(120)), () -> "guests did not get ready: "
        + lab.guest("guest1").status() + " / " + lab.guest("guest2").status());
    poller = new CounterPoller(meters, KernelCounters.of(nl), dev.patchbay.backends.qemu.GuestFolders.byId(runRoot, t));
  }

  private void ip(String... args) throws Exception {
    TestNamespace.run(Stream.concat(Stream.of("ip", "-n", ns.name()), Stream.of(args)).toList());
  }

  @AfterAll
  void teardown() throws Exception {
    try {
      if (poller != null) {
        poller.close();
      }
      if (lab != null) {
        lab.close();
      }
      if (nl != null) {
        nl.close();
      }
    } finally {
      ns.close();
      if (runRoot != null) {
        try (Stream<Path> files = Files.walk(runRoot)) {
          for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(f);
          }
        }
      }
    }
  }

  @Test
  void everyLinkInTheHostRisesWhileTheGuestsPingAndTheOutsideIsNotAvailable() throws Exception {
    CounterSnapshot before = poller.poll();
    assertTrue(await(s -> pings(5)), "guest1 answers pings");
    CounterSnapshot after = poller.poll();
    LOG.info(() -> "after pings: " + after);
    for (String link : List.of("l2", "l4")) {
      assertTrue(total(after, link) - total(before, link) >= 10, link + ": 5 requests and 5 replies at least");
    }
    assertTrue(total(after, "l3") > 0 && total(after, "l5") > 0, "guest2 pinged guest1 at boot: " + after);
    assertNull(after.link("l0").orElseThrow().total(), "LAN - Internet");
    assertNull(after.link("l1").orElseThrow().total(), "eth0 is no interface of this namespace");
  }

  /**
   * guest1:nic0 - tap0 is read from QEMU's dump of the NIC's netdev, tap0 - br0 from the kernel's
   * counters of tap0: while the link is up, every frame the NIC sent is one the tap received and
   * passed on, and every frame the bridge sent into the tap is one QEMU handed to the NIC, so the two
   * sources rise alike. (They differ by what QEMU drained and dropped while the NIC was cut, hence
   * deltas from a quiet moment.)
   */
  @Test
  void nicLinkFromQemuRisesLikeTapLinkFromTheKernel() throws Exception {
    assertTrue(await(s -> pings(1)), "guest1 answers pings");
    CounterSnapshot quiet = awaitSnapshot(s -> Double.valueOf(0.0).equals(s.link("l4").orElseThrow().rate())
        && Double.valueOf(0.0).equals(s.link("l2").orElseThrow().rate()));
    assertTrue(pings(3), "3 pings answered");
    CounterSnapshot[] last = new CounterSnapshot[1];
    boolean agree = await(s -> {
      last[0] = s;
      return delta(quiet, s, "l4", true) == delta(quiet, s, "l2", true)
          && delta(quiet, s, "l4", false) == delta(quiet, s, "l2", false);
    });
    assertTrue(agree, () -> "QEMU " + last[0].link("l4") + " vs kernel " + last[0].link("l2") + " since " + quiet);
    assertTrue(delta(quiet, last[0], "l4", true) >= 3, "guest1 answered the pings");
    assertEquals("filter-dump guest1/net-nic0", last[0].link("l4").orElseThrow().source());
    assertEquals("kernel counters of tap0", last[0].link("l2").orElseThrow().source());
  }

  private static long delta(CounterSnapshot before, CounterSnapshot after, String link, boolean aToB) {
    LinkReading b = before.link(link).orElseThrow();
    LinkReading a = after.link(link).orElseThrow();
    return aToB ? a.aToB() - b.aToB() : a.bToA() - b.bToA();
  }

  @Test
  void cuttingTheNicDropsItsLinksRateToZeroWhileTheHostKeepsPinging() throws Exception {
    Process pinger = new ProcessBuilder("ip", "netns", "exec", ns.name(), "busybox", "ping", "-i", "0.2", GUEST1)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      assertTrue(await(s -> rate(s, "l4") > 0), "pings give the link a rate");
      lab.guest("guest1").qmp().setLink("net-nic0", false);
      poller.poll();
      CounterSnapshot[] last = new CounterSnapshot[1];
      boolean zero = await(s -> {
        last[0] = s;
        return rate(s, "l4") == 0.0;
      });
      assertTrue(zero, () -> "a cut link carries nothing: " + last[0].link("l4"));
      CounterSnapshot cut = poller.poll();
      CounterSnapshot later = awaitSnapshot(s -> s.at().isAfter(cut.at().plusSeconds(1)));
      assertEquals(total(cut, "l4"), total(later, "l4"), "nothing crossed the cut link in a second");
      assertTrue(total(later, "l2") > total(cut, "l2"), "the host's pings still reach tap0, where QEMU drops them");
    } finally {
      lab.guest("guest1").qmp().setLink("net-nic0", true);
      pinger.destroy();
      pinger.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /** busybox ping from the namespace; true if all {@code count} replies came. */
  private boolean pings(int count) throws Exception {
    Process p = new ProcessBuilder("ip", "netns", "exec", ns.name(), "busybox", "ping", "-c", Integer.toString(count),
        "-i", "0.2", "-W", "2", GUEST1).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  /** The first snapshot, polling every 100 ms, for which the condition holds (120 s at most: a busy 2-core machine). */
  private CounterSnapshot awaitSnapshot(Predicate<CounterSnapshot> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      CounterSnapshot s = poller.poll();
      if (done.test(s) || System.nanoTime() > deadline) {
        assertTrue(done.test(s), "condition not met by " + s);
        return s;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
  }

  private static long total(CounterSnapshot s, String link) {
    return s.link(link).orElseThrow().total();
  }

  private static double rate(CounterSnapshot s, String link) {
    Double r = s.link(link).orElseThrow().rate();
    return r == null ? -1 : r;
  }

  /** Polls every 250 ms until the condition holds or 15 s passed. */
  private boolean await(CheckedPredicate done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
      if (done.test(poller.poll())) {
        return true;
      }
    }
    return false;
  }

  private interface CheckedPredicate {
    boolean test(CounterSnapshot s) throws Exception;
  }
}
