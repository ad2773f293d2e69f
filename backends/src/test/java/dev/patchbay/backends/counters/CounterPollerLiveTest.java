package dev.patchbay.backends.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.NamespaceThread;
import dev.patchbay.backends.netlink.NewLink;
import dev.patchbay.backends.netlink.RtNetlink;
import dev.patchbay.backends.netlink.SetLink;
import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.backends.sysctl.Sysctl;
import dev.patchbay.backends.tun.Tap;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkMeters;
import dev.patchbay.model.counters.LinkReading;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The poller's figures against frames sent for the purpose, in a namespace of the test's own:
 * guest g1's NIC -> tap pbtap0 -> bridge pbbr -> veth pbup (drawn as the uplink) -> its peer pbpeer
 * (the LAN). The namespace is kept silent so every frame is accounted for: IPv6 off (no router or
 * neighbour solicitations, no MLD), no IGMP reports for link-local groups, STP off.
 */
@Tag("live")
class CounterPollerLiveTest {
  private static final int FRAMES = 200;
  private TestNamespace ns;
  private NamespaceThread thread;
  private RtNetlink nl;
  private Tap tap;
  private CounterPoller poller;
  private Path runRoot;

  @BeforeEach
  void lab() throws IOException {
    ns = TestNamespace.create();
    thread = NamespaceThread.enter(ns.name());
    nl = RtNetlink.openIn(thread);
    Sysctl sysctl = Sysctl.in(thread);
    sysctl.write("net.ipv6.conf.all.disable_ipv6", "1");
    sysctl.write("net.ipv6.conf.default.disable_ipv6", "1");
    sysctl.write("net.ipv4.igmp_link_local_mcast_reports", "0");
    nl.create(NewLink.bridge("pbbr").up());
    nl.create(NewLink.veth("pbup", "pbpeer").up());
    tap = Tap.createIn(thread, "pbtap0");
    nl.change(SetLink.named("pbtap0").master(nl.index("pbbr")).up(true));
    nl.setMaster("pbup", "pbbr");
    nl.addAddress("pbbr", Cidr.parse("10.9.0.1/24").orElseThrow());
    awaitForwarding("pbtap0");
    awaitForwarding("pbup");
    runRoot = Files.createTempDirectory("pb-counters-");
    poller = new CounterPoller(LinkMeters.of(topology()), KernelCounters.of(nl),
        dev.patchbay.backends.qemu.GuestFolders.byId(runRoot, topology()));
  }

  /** l0: g1:nic0 - pbtap0, l1: pbtap0 - pbbr, l2: pbup - pbbr, l3: pbup - lan. */
  private static Topology topology() {
    Topology t = new Topology();
    // No MAC: the NIC's link falls back to the tap's counters (no QEMU runs here to dump anything).
    t.add(Guest.of("g1", "g1", new Nic("nic0", NicModel.E1000, null, IpConfig.none())), null);
    t.add(new dev.patchbay.model.topology.Tap("pbtap0", "pbtap0", null, null), null);
    t.add(new Bridge("pbbr", "pbbr", "10.9.0.1/24", false), null);
    t.add(new Uplink("pbup", "pbup", Uplink.Medium.WIRED, null, null, List.of()), null);
    t.add(new Lan("lan", "LAN", "10.9.0.0/24", null, List.of()), null);
    t.connect(new Link("l0", Endpoint.of("g1", "nic0"), Endpoint.of("pbtap0")));
    t.connect(new Link("l1", Endpoint.of("pbtap0"), Endpoint.of("pbbr")));
    t.connect(new Link("l2", Endpoint.of("pbup"), Endpoint.of("pbbr")));
    t.connect(new Link("l3", Endpoint.of("pbup"), Endpoint.of("lan")));
    return t;
  }

  @AfterEach
  void teardown() throws IOException {
    try {
      poller.close();
      tap.close();
      nl.close();
      thread.close();
      Files.deleteIfExists(runRoot);
    } finally {
      ns.close();
    }
  }

  @Test
  void framesWrittenIntoTheTapCountExactlyOnEveryLinkTheyCross() throws Exception {
    CounterSnapshot before = poller.poll();
    for (int i = 0; i < FRAMES; i++) {
      tap.write(broadcastFrame(i));
    }
    CounterSnapshot after = awaitSnapshot(s -> aToB(s, "l3") >= aToB(before, "l3") + FRAMES);

    assertEquals(FRAMES, aToB(after, "l0") - aToB(before, "l0"), "g1:nic0 -> pbtap0");
    assertEquals(FRAMES, aToB(after, "l1") - aToB(before, "l1"), "pbtap0 -> pbbr");
    assertEquals(FRAMES, bToA(after, "l2") - bToA(before, "l2"), "pbbr -> pbup");
    assertEquals(FRAMES, aToB(after, "l3") - aToB(before, "l3"), "pbup -> LAN");
    assertEquals(0, bToA(after, "l3") - bToA(before, "l3"), "nothing came back from the LAN");
    assertEquals(FRAMES * 60L, after.link("l3").orElseThrow().bytes() - before.link("l3").orElseThrow().bytes());
  }

  /** busybox arping sends its requests one a second: three ARP broadcasts from the bridge's own address. */
  @Test
  void framesTheBridgeSendsCountTowardsTheUplinkOnly() throws Exception {
    CounterSnapshot before = poller.poll();
    // Nobody answers, so arping exits 1: its exit code says nothing about what it sent.
    Process arping = new ProcessBuilder("ip", "netns", "exec", ns.name(), "busybox", "arping", "-c", "3", "-I", "pbbr",
        "10.9.0.99").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(arping.waitFor(20, TimeUnit.SECONDS), "arping did not end");
    CounterSnapshot after = awaitSnapshot(s -> bToA(s, "l2") >= bToA(before, "l2") + 3);

    assertEquals(3, bToA(after, "l2") - bToA(before, "l2"), "pbbr -> pbup");
    assertEquals(3, aToB(after, "l3") - aToB(before, "l3"), "pbup -> LAN");
    assertEquals(0, aToB(after, "l1") - aToB(before, "l1"), "the tap sent nothing into the bridge");
    assertEquals(0, aToB(after, "l2") - aToB(before, "l2"), "the uplink sent nothing into the bridge");
  }

  @Test
  void rateRisesWithTrafficAndFallsToZeroWithout() throws Exception {
    poller.poll();
    for (int i = 0; i < FRAMES; i++) {
      tap.write(broadcastFrame(i));
    }
    CounterSnapshot busy = awaitSnapshot(s -> s.link("l1").orElseThrow().rate() > 0);
    assertTrue(busy.link("l1").orElseThrow().rate() > 0);
    CounterSnapshot quiet = awaitSnapshot(s -> s.link("l1").orElseThrow().rate() == 0.0);
    assertEquals(0.0, quiet.link("l3").orElseThrow().rate());
  }

  @Test
  void startedPollerDeliversSnapshotsAtTenHertz() throws Exception {
    List<CounterSnapshot> seen = new CopyOnWriteArrayList<>();
    poller.start(CounterPoller.FASTEST_INTERVAL, seen::add);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (seen.size() < 5 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    assertTrue(seen.size() >= 5, "snapshots: " + seen.size());
    assertTrue(seen.get(4).elapsedSeconds() > 0.05 && seen.get(4).elapsedSeconds() < 1.0,
        "elapsed between polls: " + seen.get(4).elapsedSeconds());
    assertTrue(seen.get(4).link("l3").orElseThrow().available(), seen.get(4).link("l3").toString());
  }

  private CounterSnapshot awaitSnapshot(Predicate<CounterSnapshot> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      CounterSnapshot s = poller.poll();
      if (done.test(s) || System.nanoTime() > deadline) {
        assertTrue(done.test(s), () -> "counters did not get there: " + s);
        return s;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
  }

  private static long aToB(CounterSnapshot s, String link) {
    LinkReading r = s.link(link).orElseThrow();
    return r.aToB();
  }

  private static long bToA(CounterSnapshot s, String link) {
    return s.link(link).orElseThrow().bToA();
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

  /** A 60-byte broadcast of the local experimental EtherType 0x88b5: no stack answers it. */
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
