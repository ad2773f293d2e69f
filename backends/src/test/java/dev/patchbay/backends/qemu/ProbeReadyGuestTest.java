package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.probe.ProbeSettings;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PB-READY means what verify takes it to mean: a connection made right after it is answered on
 * every port the probe guest echoes on (its echo, its banner, the ports it was asked to listen on),
 * each tried once, through user net's host forwards (slirp accepts on the host's side and resets
 * when nothing listens in the guest).
 */
@Tag("guests")
class ProbeReadyGuestTest {
  private static final int EXTRA = 2222;
  private static final List<int[]> FORWARDS = List.of(new int[] {4107, 7}, new int[] {4177, 7777},
      new int[] {4122, EXTRA});

  private final ExecutorService pool = Executors.newFixedThreadPool(FORWARDS.size());

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** Reads the console file itself, a few milliseconds apart, to act as soon as PB-READY is there. */
  private static void awaitReady(GuestProcess guest) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (!guest.report().ready()) {
      assertTrue(System.nanoTime() < deadline && guest.state() != GuestState.CRASHED, () -> guest.status() + "\n"
          + guest.console());
      TimeUnit.MILLISECONDS.sleep(2);
    }
  }

  @Test
  void everyPortAnswersTheFirstConnectionAfterPbReady() throws Exception {
    try (TestNamespace ns = TestNamespace.create(); LiveGuests guests = new LiveGuests()) {
      Topology t = new Topology();
      t.add(Guest.of("r1", "r1", new Nic("nic0", NicModel.E1000, "52:54:00:01:00:21", IpConfig.dhcp())), null);
      t.add(new UserNet("user0", "user0", "10.0.2.0/24", "10.0.2.2", "10.0.2.3", "10.0.2.15", FORWARDS.stream()
          .map(f -> new HostForward(HostForward.Protocol.TCP, "127.0.0.1", f[0], null, f[1])).toList()), null);
      t.connect(new Link("l0", Endpoint.of("r1", "nic0"), Endpoint.of("user0")));
      Guest g = (Guest) t.element("r1").orElseThrow();
      GuestProcess guest = guests.start(GuestLaunch.of(t, g, guests.runDir("r1"))
          .probe(guests.probeGuest(), ProbeSettings.of(g, List.of(), 5).withListen(List.of(EXTRA))).inNamespace(ns.name));
      awaitReady(guest);
      // All at once, the moment PB-READY is on the console: what verify does.
      List<CompletableFuture<String>> answers = FORWARDS.stream().map(f -> CompletableFuture.supplyAsync(() ->
          ns.runWithInput(("port " + f[1] + "\n").getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(30),
              "busybox", "nc", "-w", "10", "127.0.0.1", Integer.toString(f[0])).stdout(), pool)).toList();
      for (int i = 0; i < FORWARDS.size(); i++) {
        int port = FORWARDS.get(i)[1];
        assertEquals(port == 7777 ? "PB-BANNER r1\n" : "port " + port + "\n", answers.get(i).get(),
            "the first connection to guest port " + port + " after PB-READY");
      }
    }
  }
}
