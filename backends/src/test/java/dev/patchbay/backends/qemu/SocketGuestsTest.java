package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.probe.Probe;
import dev.patchbay.backends.probe.ProbeReport;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.backends.counters.DirectedPcapCounter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The socket scenario (samples/socket-listen-connect.json): guest A's vlan listens on a TCP socket, guest
 * B's vlan connects to it; the two QEMU processes then carry each other's frames. Both run in a
 * namespace of the test's own, on its loopback, booting side by side.
 */
@Tag("guests")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocketGuestsTest {
  private static final Logger LOG = Logger.getLogger(SocketGuestsTest.class.getName());
  private TestNamespace ns;
  private LiveGuests guests;
  private static final Map<String, String> DUMPED =
      Map.of("guestA", "net-vlan0-sock8010-listen", "guestB", "net-vlan2-sock8010-connect");
  private LabGuests lab;
  private GuestProcess ga;
  private GuestProcess gb;

  @BeforeAll
  void boot() throws Exception {
    ns = TestNamespace.create();
    guests = new LiveGuests();
    Topology t = TopologyFiles.load(Path.of(System.getProperty("patchbay.samples"), "socket-listen-connect.json"));
    Map<String, List<Probe>> probes = Map.of(
        "guestA", List.of(Probe.icmp("10.4.0.11"), Probe.tcp("10.4.0.11", 7)),
        "guestB", List.of(Probe.icmp("10.4.0.10")));
    long t0 = System.nanoTime();
    // B's connect is refused unless A listens: LabGuests starts A first and B once A answers QMP.
    lab = LabGuests.start(t, guests.runDir("lab"), Optional.of(ns.name), guests.probeGuest(),
        g -> probes.get(g.id()), 20, l -> l.dumpFrames(DUMPED.get(l.guest().id()), 96));
    ga = lab.guest("guestA");
    gb = lab.guest("guestB");
    for (GuestProcess g : List.of(ga, gb)) {
      assertTrue(g.await(p -> p.report().done(), Duration.ofSeconds(120)), () -> g.status() + "\n" + g.console());
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    LOG.info(() -> "two guests booted and probed in " + ms + " ms; RSS " + ga.residentKiB().orElse(-1L) + " / "
        + gb.residentKiB().orElse(-1L) + " KiB");
  }

  @AfterAll
  void tearDown() throws Exception {
    try {
      if (lab != null) {
        lab.close();
      }
      if (guests != null) {
        guests.close();
      }
    } finally {
      if (ns != null) {
        ns.close();
      }
    }
  }

  @Test
  void guestsReachEachOtherAcrossTheSocket() {
    ProbeReport ra = ga.report();
    ProbeReport rb = gb.report();
    assertTrue(ra.result(Probe.icmp("10.4.0.11")).orElseThrow().ok(), ra::toString);
    assertTrue(ra.result(Probe.tcp("10.4.0.11", 7)).orElseThrow().ok(), ra::toString);
    assertTrue(rb.result(Probe.icmp("10.4.0.10")).orElseThrow().ok(), rb::toString);
  }

  /** A point-to-point socket: every frame one end records, the other end records too. */
  @Test
  void bothEndsOfTheSocketCountTheSameFrames() throws Exception {
    DirectedPcapCounter ca = DumpCounts.of(ga, DUMPED.get("guestA"));
    DirectedPcapCounter cb = DumpCounts.of(gb, DUMPED.get("guestB"));
    assertTrue(ga.await(g -> frames(ca) > 0 && frames(ca) == frames(cb), Duration.ofSeconds(120)),
        () -> "listen end " + frames(ca) + " frames, connect end " + frames(cb));
  }

  private static long frames(DirectedPcapCounter c) {
    return DumpCounts.frames(c, -1L);
  }
}
