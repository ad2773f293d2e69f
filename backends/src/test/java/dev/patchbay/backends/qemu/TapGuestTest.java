package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.probe.Probe;
import dev.patchbay.backends.probe.ProbeGuest;
import dev.patchbay.backends.probe.ProbeGuestBuilder;
import dev.patchbay.backends.probe.ProbeReport;
import dev.patchbay.backends.probe.ProbeSettings;
import dev.patchbay.backends.counters.DirectedPcapCounter;
import dev.patchbay.backends.qemu.PcapFrames.Kind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One probe guest on a tap in a namespace of its own, as the routed-tun scenario draws it (host 192.168.77.1 on
 * the tap, guest 192.168.77.10). Booting costs ~10 s under TCG, so the tests share this guest; each
 * checks one behaviour and leaves the link up.
 */
@Tag("guests")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TapGuestTest {
  private static final Logger LOG = Logger.getLogger(TapGuestTest.class.getName());
  private static final String GUEST_IP = "192.168.77.10";
  private static final String NETDEV = "net-nic0";

  private TestNamespace ns;
  private GuestProcess guest;
  private Path runDir;

  @BeforeAll
  void boot() throws Exception {
    ProbeGuest probe = new ProbeGuestBuilder().build();
    ns = TestNamespace.create();
    ns.tap("pbtap0", "192.168.77.1/24");
    Topology t = new Topology();
    Guest g = Guest.of("g1", "g1", new Nic("nic0", NicModel.E1000, "52:54:00:77:00:0a",
        IpConfig.fixed(GUEST_IP + "/24", "192.168.77.1")));
    t.add(g, null);
    t.add(new Tap("pbtap0", "pbtap0", "192.168.77.1/24", null), null);
    t.connect(new Link("l0", Endpoint.of("g1", "nic0"), Endpoint.of("pbtap0")));
    List<Probe> probes = List.of(Probe.icmp("192.168.77.1"), Probe.tcp("192.168.77.1", 9), Probe.icmp("192.168.77.99"));
    runDir = Files.createTempDirectory("pb-tap-");
    GuestLaunch launch = GuestLaunch.of(t, g, runDir).probe(probe, ProbeSettings.of(g, probes, 5))
        .inNamespace(ns.name).dumpFrames(NETDEV, 96);
    long t0 = System.nanoTime();
    guest = GuestProcess.start(launch);
    assertTrue(guest.awaitRunning(Duration.ofSeconds(240)), () -> "guest did not get ready: " + guest.status() + "\n" + guest.console());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    LOG.info(() -> "boot to PB-READY " + ms + " ms, QEMU RSS " + guest.residentKiB().orElse(-1L) + " KiB");
  }

  @AfterAll
  void tearDown() throws Exception {
    try {
      if (guest != null) {
        guest.stop(Duration.ZERO);
      }
    } finally {
      if (ns != null) {
        ns.close();
      }
      if (runDir != null) {
        try (var files = Files.walk(runDir)) {
          for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(f);
          }
        }
      }
    }
  }

  private ProbeReport awaitDone() throws InterruptedException {
    assertTrue(guest.await(g -> g.report().done(), Duration.ofSeconds(240)), guest::console);
    return guest.report();
  }

  @Test
  void serialConsoleReportsTheNicWithItsStaticAddress() {
    ProbeReport r = guest.report();
    assertTrue(r.ready());
    assertEquals(List.of(new ProbeReport.NicResult("52-54-00-77-00-0a", "eth0", "static", GUEST_IP + "/24", true)), r.nics());
  }

  @Test
  void probesReportTheHostReachableAndAbsentTargetsNot() throws Exception {
    ProbeReport r = awaitDone();
    assertTrue(r.result(Probe.icmp("192.168.77.1")).orElseThrow().ok(), r::toString);
    assertFalse(r.result(Probe.tcp("192.168.77.1", 9)).orElseThrow().ok(), "nothing listens on port 9");
    assertFalse(r.result(Probe.icmp("192.168.77.99")).orElseThrow().ok(), "nobody has 192.168.77.99");
  }

  @Test
  void answersPingsFromTheNamespace() {
    assertTrue(ns.ping(GUEST_IP, 2));
  }

  @Test
  void echoesTcpOnPort7() {
    String out = ns.runWithInput("hello patchbay\n".getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(60),
        "busybox", "nc", "-w", "10", GUEST_IP, "7").stdout();
    assertEquals("hello patchbay\n", out);
  }

  @Test
  void bannerOnPort7777NamesTheGuest() {
    String out = ns.run(Duration.ofSeconds(60), "busybox", "nc", "-w", "10", GUEST_IP, "7777").stdout();
    assertEquals("PB-BANNER g1\n", out);
  }

  /** nsenter execs QEMU, so the PID Patchbay holds (and will stop) is QEMU's own. */
  @Test
  void qemuWritesThePidPatchbayStarted() throws Exception {
    assertEquals(Long.toString(guest.pid()), Files.readString(guest.launch().pidFile()).strip());
  }

  @Test
  void qmpReportsRunning() throws Exception {
    assertEquals("running", guest.qmp().queryStatus());
  }

  @Test
  void setLinkOffCutsPingsAndOnRestoresThem() throws Exception {
    guest.qmp().setLink(NETDEV, false);
    try {
      assertFalse(ns.ping(GUEST_IP, 2), "pings cross a cut link");
    } finally {
      guest.qmp().setLink(NETDEV, true);
    }
    assertTrue(guest.await(g -> ns.ping(GUEST_IP, 1), Duration.ofSeconds(120)), "link did not come back");
  }

  /**
   * N echo requests and N replies cross the NIC's netdev: exactly 2N ICMP records. The namespace's
   * neighbour entry for the guest is flushed first, so it must ARP once: one request, one reply.
   * The guest may confirm its own (stale) entry for the host with one more request and reply
   * (Linux's delayed unicast probe), so ARP is 2 to 4 frames. IPv6 (router and neighbour
   * solicitations of the tap and the guest) may add a few. The counter's count equals every
   * record an independent reading of the file finds.
   */
  @Test
  void frameDumpCountsEveryPingBothWays() throws Exception {
    awaitDone();
    DirectedPcapCounter counter = DumpCounts.of(guest, NETDEV);
    Path pcap = counter.file();
    ns.ip("neigh", "flush", "dev", "pbtap0");
    long before = counter.poll().orElseThrow().frames();
    int n = 5;
    assertTrue(ns.run(Duration.ofSeconds(120), "busybox", "ping", "-c", Integer.toString(n), "-i", "0.2", "-W", "10", GUEST_IP).ok());
    assertTrue(guest.await(g -> frames(counter) >= before + 2L * n, Duration.ofSeconds(120)));
    List<Kind> all = PcapFrames.read(pcap);
    List<Kind> during = all.subList((int) before, all.size());
    long icmp = during.stream().filter(k -> k == Kind.ICMP4).count();
    long arp = during.stream().filter(k -> k == Kind.ARP).count();
    LOG.info(() -> "frames during " + n + " pings: " + during);
    assertEquals(2L * n, icmp);
    assertTrue(arp >= 2 && arp <= 4, () -> "ARP frames: " + arp);
    assertEquals(all.size(), frames(counter));
  }

  @Test
  void filterDumpAddedThroughQmpRecordsLaterPings() throws Exception {
    Path pcap = runDir.resolve("added-later.pcap");
    guest.qmp().addFilterDump("later", NETDEV, pcap, 64);
    try {
      DirectedPcapCounter counter = DumpCounts.counter(pcap);
      assertTrue(ns.ping(GUEST_IP, 2));
      assertTrue(guest.await(g -> frames(counter) >= 4, Duration.ofSeconds(120)), () -> "frames: " + frames(counter));
    } finally {
      guest.qmp().deleteObject("later");
    }
  }

  private static long frames(DirectedPcapCounter c) {
    return DumpCounts.frames(c, 0L);
  }
}
