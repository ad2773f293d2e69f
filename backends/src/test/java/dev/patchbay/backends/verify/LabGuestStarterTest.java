package dev.patchbay.backends.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.Sandbox;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.probe.Probe;
import dev.patchbay.backends.qemu.DetachedGuest;
import dev.patchbay.backends.qemu.GuestProcess;
import dev.patchbay.backends.qemu.GuestState;
import dev.patchbay.backends.qemu.LabGuestStarter;
import dev.patchbay.backends.qemu.LabLinks;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** patchbay up's guest launcher on the NAT-routing scenario in a sandbox: start, state, stop, crash. */
@Tag("guests")
class LabGuestStarterTest {
  /** A probe expected to answer keeps trying this long: a busy 2-core machine answers late. */
  private static final Duration ANSWERS = Duration.ofSeconds(60);
  /** A probe expected to stay unanswered tries this long: the guest is up, a path that exists answers sooner. */
  private static final Duration SILENT = Duration.ofSeconds(5);

  @TempDir
  Path state;

  private final String lab = "g" + HexFormat.of().formatHex(bytes());

  private static byte[] bytes() {
    byte[] b = new byte[3];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }

  private Labs up() throws Exception {
    Topology t = TopologyFiles.load(Path.of("..", "samples", "nat-routing.json"));
    Labs labs = new Labs(state);
    labs.withGuests(new LabGuestStarter(t, state, lab, Optional.of(Sandbox.host(lab))));
    labs.up(t, lab, TargetSpec.sandbox(), 0, "nat-routing.json");
    return labs;
  }

  private Path guestDir(String name) {
    return LabGuestStarter.guestsDir(state, lab).resolve(name);
  }

  private static boolean await(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
    return condition.getAsBoolean();
  }

  private boolean all(GuestState s) {
    Map<String, GuestProcess.Status> states = LabGuestStarter.states(state, lab);
    return states.size() == 2 && states.values().stream().allMatch(x -> x.state() == s);
  }

  private void down(Labs labs) throws Exception {
    try {
      LabGuestStarter.stopAll(state, lab);
    } finally {
      labs.down(lab);
    }
  }

  @Test
  void aGuestThatNeverComesUpFailsTheUpAtOnceAndLeavesNoFolderBehind() throws Exception {
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Files.readString(Path.of("..", "samples", "nat-routing.json")));
    tree.withArray("elements").forEach(e -> {
      if ("GUEST2".equals(e.path("name").asText())) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) e).put("machine", "nosuchmachine");
      }
    });
    Topology t = TopologyFiles.parse(tree.toString(), "test");
    Labs labs = new Labs(state).withGuests(new LabGuestStarter(t, state, lab, Optional.of(Sandbox.host(lab))));
    var e = org.junit.jupiter.api.Assertions.assertThrows(dev.patchbay.backends.apply.Applier.ApplyException.class,
        () -> labs.up(t, lab, TargetSpec.sandbox(), 0, "x"));
    assertTrue(e.getMessage().contains("guest GUEST2 did not come up"), e.getMessage());
    assertTrue(e.getMessage().contains("nosuchmachine"), "QEMU's own reason: " + e.getMessage());
    boolean gaveUpAtOnce = false;
    for (Throwable c = e; c != null; c = c.getCause()) {
      gaveUpAtOnce |= String.valueOf(c.getMessage()).startsWith("QEMU ended before its QMP socket");
    }
    assertTrue(gaveUpAtOnce, "a QEMU that ended is not waited for until the QMP timeout");
    assertFalse(Files.exists(LabGuestStarter.guestsDir(state, lab)), "no guest folder of a lab that failed");
    assertFalse(Sandbox.namespaces(lab).stream().anyMatch(dev.patchbay.backends.netlink.Netns::exists));
  }

  @Test
  void upBootsEveryGuestInTheLabsHostNamespaceAndStopAllStopsThem() throws Exception {
    Labs labs = up();
    try {
      assertTrue(await(() -> all(GuestState.RUNNING), Duration.ofSeconds(120)), () -> LabGuestStarter.states(state, lab).toString());
      assertTrue(NamespaceProbes.run(Sandbox.host(lab), Probe.tcp("192.168.1.10", VerifyPlan.GUEST_ECHO), ANSWERS),
          "GUEST2's echo port does not answer from the lab's host namespace");
      ProcessHandle guest1 = new DetachedGuest(guestDir("GUEST1")).process().orElseThrow();
      ProcessHandle guest2 = new DetachedGuest(guestDir("GUEST2")).process().orElseThrow();
      LabGuestStarter.stopAll(state, lab);
      assertFalse(guest1.isAlive() || guest2.isAlive(), "a guest's QEMU outlived stopAll");
      assertTrue(LabGuestStarter.states(state, lab).isEmpty(), "run folders left behind");
    } finally {
      down(labs);
    }
    assertFalse(Files.exists(Path.of("/var/run/netns", Sandbox.host(lab))));
  }

  @Test
  void aGuestKilledBehindPatchbaysBackIsCrashed() throws Exception {
    Labs labs = up();
    try {
      DetachedGuest g = new DetachedGuest(guestDir("GUEST2"));
      ProcessHandle h = g.process().orElseThrow();
      h.destroyForcibly();
      assertTrue(await(() -> !h.isAlive(), Duration.ofSeconds(60)));
      assertEquals(GuestState.CRASHED, g.status().state());
    } finally {
      down(labs);
    }
  }

  @Test
  void linkDownCutsTheGuestOffAndLinkUpRestoresIt() throws Exception {
    Labs labs = up();
    Topology t = TopologyFiles.load(Path.of("..", "samples", "nat-routing.json"));
    Probe echo = Probe.tcp("192.168.1.10", VerifyPlan.GUEST_ECHO);
    try {
      assertTrue(await(() -> all(GuestState.RUNNING), Duration.ofSeconds(120)));
      assertTrue(NamespaceProbes.run(Sandbox.host(lab), echo, ANSWERS));
      LabLinks.set(t, state, lab, "l3", false);
      assertFalse(NamespaceProbes.run(Sandbox.host(lab), echo, SILENT), "the echo answers across a cut link");
      LabLinks.set(t, state, lab, "l3", true);
      assertTrue(NamespaceProbes.run(Sandbox.host(lab), echo, ANSWERS), "the echo does not answer once the link is back");
    } finally {
      down(labs);
    }
  }
}
