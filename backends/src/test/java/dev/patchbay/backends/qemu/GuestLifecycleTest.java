package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.probe.ProbeGuest;
import dev.patchbay.backends.probe.ProbeSettings;
import dev.patchbay.model.topology.Guest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Start, stop and crash of a QEMU process, with a guest that has no NIC (nothing touches a network). */
@Tag("guests")
class GuestLifecycleTest {
  private TestNamespace ns;
  private LiveGuests guests;

  @BeforeEach
  void setUp() {
    ns = TestNamespace.create();
    guests = new LiveGuests();
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      guests.close();
    } finally {
      ns.close();
    }
  }

  private GuestLaunch lonely(ProbeGuest probe) throws Exception {
    Guest g = Guest.of("solo", "solo");
    Path dir = guests.runDir("solo");
    return new GuestLaunch(g, List.of("-nic", "none"), dir)
        .probe(probe, ProbeSettings.of(g, List.of(), 5)).inNamespace(ns.name);
  }

  @Test
  void qemuEndingUnaskedIsCrashedWithItsLastStderrLines() throws Exception {
    ProbeGuest missing = new ProbeGuest(Path.of("/nonexistent/vmlinuz"), Path.of("/nonexistent/initrd.gz"), "x", List.of());
    GuestProcess p = guests.start(lonely(missing));
    assertTrue(p.await(g -> g.status().state() == GuestState.CRASHED, Duration.ofSeconds(120)), () -> p.status().toString());
    GuestProcess.Status s = p.status();
    assertTrue(s.lastStderr().stream().anyMatch(l -> l.contains("/nonexistent/vmlinuz")), s::toString);
    assertEquals(1, s.exitCode());
  }

  /**
   * A kernel panic with -no-reboot ends QEMU with exit 0 and an empty stderr: only the console
   * says why, so the crash must carry its last lines.
   */
  @Test
  void aGuestWhoseKernelPanicsIsCrashedAndItsConsoleTailSaysWhy() throws Exception {
    ProbeGuest real = guests.probeGuest();
    Path junk = guests.runDir("junk").resolve("junk.initrd");
    java.nio.file.Files.write(junk, new byte[4096]);
    GuestProcess p = guests.start(lonely(new ProbeGuest(real.kernel(), junk, "junk", List.of())));
    assertTrue(p.await(g -> g.status().state() == GuestState.CRASHED, Duration.ofSeconds(240)), p::console);
    assertEquals(0, p.status().exitCode());
    List<String> tail = p.consoleTail(GuestProcess.CRASH_TAIL);
    assertTrue(tail.size() <= GuestProcess.CRASH_TAIL, tail::toString);
    assertTrue(tail.stream().anyMatch(l -> l.contains("Kernel panic")), tail::toString);
  }

  @Test
  void stopEndsARunningGuestAsStoppedAndItsProcessIsGone() throws Exception {
    GuestProcess p = guests.start(lonely(guests.probeGuest()));
    List<GuestState> seen = new CopyOnWriteArrayList<>();
    p.onStatus(s -> seen.add(s.state()));
    assertTrue(p.awaitRunning(Duration.ofSeconds(240)), p::console);
    // The probe guest has no ACPI daemon: power-down is ignored, quit follows after the grace.
    p.stop(Duration.ofSeconds(1));
    // Listeners hear of a state just after it is set: wait for what they heard.
    assertTrue(p.await(g -> seen.contains(GuestState.STOPPED), Duration.ofSeconds(120)), seen::toString);
    assertEquals(GuestState.STOPPED, p.status().state());
    assertFalse(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false));
    assertEquals(List.of(GuestState.RUNNING, GuestState.STOPPED), seen);
  }
}
