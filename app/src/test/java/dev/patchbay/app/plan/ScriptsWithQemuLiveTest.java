package dev.patchbay.app.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Scripts;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.VdeSwitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scripts with real QEMU processes in a namespace. The guests never boot: a wrapper first in
 * PATH adds {@code -display none -S} (no display here; CPUs stopped), which is enough for QEMU to
 * open its taps and sockets exactly as the scripts tell it to.
 */
@Tag("live")
class ScriptsWithQemuLiveTest {
  @TempDir
  Path dir;

  private Map<String, String> env;

  @BeforeEach
  void wrapQemu() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path wrapper = bin.resolve("qemu-system-x86_64");
    Files.writeString(wrapper, "#!/bin/bash\nexec -a qemu-system-x86_64 /usr/bin/qemu-system-x86_64 \"$@\" -display none -S\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    env = Map.of("PATH", bin + ":" + System.getenv("PATH"));
  }

  private Plan write(String sample) throws Exception {
    Topology t = TopologyFiles.load(Path.of(System.getProperty("patchbay.samples", "../samples")).resolve(sample));
    Plan plan = Planner.plan(t);
    Files.writeString(dir.resolve("up.sh"), Scripts.up(plan, t.name()));
    Files.writeString(dir.resolve("down.sh"), Scripts.down(plan, t.name()));
    return plan;
  }

  @Test
  void theConnectingGuestStartsAfterTheListenerAndDownStopsBoth() throws Exception {
    Plan plan = write("socket-listen-connect.json");
    assertEquals(List.of(8010), plan.stepsOf(Step.StartGuest.class).get(0).listens());
    try (Namespace ns = Namespace.create()) {
      ns.exec(env, "bash", dir.resolve("up.sh").toString()).check();
      List<ProcessHandle> guests = started(List.of("guestA", "guestB"));
      assertTrue(within(Duration.ofSeconds(60), () -> established(ns, 8010)), "guestB's QEMU connects to guestA's");

      ns.exec(env, "bash", dir.resolve("down.sh").toString()).check();
      for (ProcessHandle g : guests) {
        g.onExit().get(60, TimeUnit.SECONDS);
      }
      assertFalse(Files.exists(dir.resolve("state")));
    }
  }

  @Test
  void qemuTakesThePreparedTapsAndDownLeavesTheNamespaceAsItWas() throws Exception {
    Plan plan = write("nat-bridge.json");
    List<String> keys = plan.stepsOf(Step.SetSysctl.class).stream().map(Step.SetSysctl::key).toList();
    try (Namespace ns = Namespace.create()) {
      ns.exec(Map.of(), "sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0").check();
      ns.ip("link", "add", "eth0", "type", "veth", "peer", "name", "eth0-lan").check();
      Map<String, Object> before = NamespaceState.snapshot(ns, keys);
      ns.exec(env, "bash", dir.resolve("up.sh").toString()).check();
      List<ProcessHandle> guests = started(List.of("GUEST1", "GUEST2"));
      // A tap has a carrier only while a process holds it: QEMU opened the taps up.sh made.
      assertTrue(within(Duration.ofSeconds(60), () -> carrier(ns, "tap0") && carrier(ns, "tap1")));

      ns.exec(env, "bash", dir.resolve("down.sh").toString()).check();
      for (ProcessHandle g : guests) {
        g.onExit().get(60, TimeUnit.SECONDS);
      }
      Map<String, Object> after = NamespaceState.snapshot(ns, keys);
      for (String part : before.keySet()) {
        assertEquals(before.get(part), after.get(part), part + " after down.sh");
      }
    }
  }

  static Stream<String> samplesQemuCanRunHere() throws Exception {
    // Every sample's guests (and the VDE-switch scenario's vde_switch, from Debian's vde2) start for real.
    return ScriptsLiveTest.samples();
  }

  @ParameterizedTest
  @MethodSource("samplesQemuCanRunHere")
  void everyGuestOfTheSampleStartsAndDownLeavesTheNamespaceAsItWas(String sample) throws Exception {
    Topology t = TopologyFiles.load(Path.of(System.getProperty("patchbay.samples", "../samples")).resolve(sample));
    // A guest's disk (sol11.img) becomes an empty image here: its CPUs never run (-S).
    for (Guest g : t.elementsOf(Guest.class).filter(g -> g.disk() != null).toList()) {
      Path disk = Files.createFile(dir.resolve(g.disk()));
      t.replace(g.withDisk(disk.toString()));
    }
    // A VDE switch's control directory goes to this test's folder, not the design's /var/run/qtap-ctl.
    for (VdeSwitch v : t.elementsOf(VdeSwitch.class).toList()) {
      t.replace(new VdeSwitch(v.id(), v.name(), dir.resolve(v.name() + "-ctl").toString(), v.hubMode()));
    }
    Plan plan = Planner.plan(t);
    Files.writeString(dir.resolve("up.sh"), Scripts.up(plan, t.name()));
    Files.writeString(dir.resolve("down.sh"), Scripts.down(plan, t.name()));
    List<String> keys = plan.stepsOf(Step.SetSysctl.class).stream().map(Step.SetSysctl::key).toList();
    try (Namespace ns = Namespace.create()) {
      ns.exec(Map.of(), "sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0").check();
      // A host has a route for multicast (its default route); this namespace gets one on lo.
      ns.ip("route", "add", "224.0.0.0/4", "dev", "lo").check();
      for (Uplink u : t.elementsOf(Uplink.class).toList()) {
        ns.ip("link", "add", u.name(), "type", "veth", "peer", "name", u.name() + "-lan").check();
      }
      Map<String, Object> before = NamespaceState.snapshot(ns, keys);
      // up.sh itself fails when a QEMU process ends within a second of its start (check_started).
      ns.exec(env, "bash", dir.resolve("up.sh").toString()).check();
      List<String> processes = new ArrayList<>(plan.stepsOf(Step.StartVdeSwitch.class).stream()
          .map(Step.StartVdeSwitch::name).toList());
      processes.addAll(plan.stepsOf(Step.StartGuest.class).stream().map(Step.StartGuest::guest).toList());
      List<ProcessHandle> guests = started(processes);
      ns.exec(env, "bash", dir.resolve("down.sh").toString()).check();
      for (ProcessHandle g : guests) {
        g.onExit().get(60, TimeUnit.SECONDS);
      }
      Map<String, Object> after = NamespaceState.snapshot(ns, keys);
      for (String part : before.keySet()) {
        assertEquals(before.get(part), after.get(part), part + " after down.sh");
      }
    }
  }

  private List<ProcessHandle> started(List<String> names) throws Exception {
    List<ProcessHandle> out = new ArrayList<>();
    for (String n : names) {
      long pid = Long.parseLong(Files.readString(dir.resolve("state/pid." + n)).trim());
      ProcessHandle h = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(n + " is not running: "
          + readLog(n)));
      assertTrue(h.isAlive(), n + ": " + readLog(n));
      out.add(h);
    }
    return out;
  }

  private String readLog(String name) {
    try {
      return Files.readString(dir.resolve("state/" + name + ".log"));
    } catch (Exception e) {
      return "(no log)";
    }
  }

  private static boolean established(Namespace ns, int port) {
    try {
      return !ns.exec(Map.of(), "ss", "-Htn", "state", "established", "( sport = :" + port + " )").check().out().isBlank();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static boolean carrier(Namespace ns, String dev) {
    try {
      return ns.ip("-j", "link", "show", "dev", dev).check().out().contains("\"LOWER_UP\"");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Checks the condition until it holds or the deadline passes, pausing briefly between checks. */
  private static boolean within(Duration timeout, BooleanSupplier condition) throws TimeoutException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    return condition.getAsBoolean();
  }
}
