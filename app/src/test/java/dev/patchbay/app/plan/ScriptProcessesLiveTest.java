package dev.patchbay.app.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Scripts;
import dev.patchbay.model.plan.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * up.sh starts processes in the background and saves their PIDs; down.sh stops exactly those. A
 * plan whose "guest" is {@code sleep} shows it without booting QEMU.
 */
@Tag("live")
class ScriptProcessesLiveTest {
  @TempDir
  Path dir;

  @Test
  void downStopsExactlyTheProcessUpStarted() throws Exception {
    Plan plan = new Plan(List.of(new Step.StartGuest("probe", List.of("sleep", "600"))));
    Files.writeString(dir.resolve("up.sh"), Scripts.up(plan, "probe"));
    Files.writeString(dir.resolve("down.sh"), Scripts.down(plan, "probe"));
    ProcessHandle other = new ProcessBuilder("sleep", "600").start().toHandle();
    try {
      Namespace.run(List.of("bash", dir.resolve("up.sh").toString()), Map.of()).check();
      long pid = Long.parseLong(Files.readString(dir.resolve("state/pid.probe")).trim());
      ProcessHandle started = ProcessHandle.of(pid).orElseThrow();
      assertTrue(started.info().command().orElse("").endsWith("sleep"));

      Namespace.run(List.of("bash", dir.resolve("down.sh").toString()), Map.of()).check();
      assertTrue(gone(pid, Duration.ofSeconds(10)), "the started sleep ends");
      assertTrue(other.isAlive(), "a process up.sh did not start keeps running");
      assertFalse(Files.exists(dir.resolve("state")));
    } finally {
      other.destroy();
    }
  }

  @Test
  void downLeavesAReusedPidAloneWhenItRunsAnotherProgram() throws Exception {
    Plan plan = new Plan(List.of(new Step.StartGuest("probe", List.of("qemu-system-x86_64", "-version"))));
    Files.writeString(dir.resolve("down.sh"), Scripts.down(plan, "probe"));
    ProcessHandle other = new ProcessBuilder("sleep", "600").start().toHandle();
    try {
      Files.createDirectories(dir.resolve("state"));
      Files.writeString(dir.resolve("state/applied"), "");
      Files.writeString(dir.resolve("state/pid.probe"), Long.toString(other.pid()));
      Namespace.Result r = Namespace.run(List.of("bash", dir.resolve("down.sh").toString()), Map.of());
      assertEquals(0, r.exit(), r.err());
      assertTrue(other.isAlive(), "a PID now running sleep, not QEMU, is not killed");
    } finally {
      other.destroy();
    }
  }

  @Test
  void upFailsAndShowsTheLogWhenAProcessEndsRightAway() throws Exception {
    Plan plan = new Plan(List.of(new Step.StartGuest("probe", List.of("sh", "-c", "echo no such tap >&2; exit 3"))));
    Files.writeString(dir.resolve("up.sh"), Scripts.up(plan, "probe"));
    Files.writeString(dir.resolve("down.sh"), Scripts.down(plan, "probe"));
    Namespace.Result up = Namespace.run(List.of("bash", dir.resolve("up.sh").toString()), Map.of());
    assertEquals(1, up.exit(), up.out());
    assertTrue(up.err().contains("probe ended right after its start") && up.err().contains("no such tap"), up.err());
    Namespace.run(List.of("bash", dir.resolve("down.sh").toString()), Map.of()).check();
    assertFalse(Files.exists(dir.resolve("state")), "down.sh still cleans up after a failed start");
  }

  @Test
  void upRefusesAProgramThatIsNotInstalled() throws Exception {
    Plan plan = new Plan(List.of(new Step.StartGuest("probe", List.of("patchbay-no-such-program"))));
    Files.writeString(dir.resolve("up.sh"), Scripts.up(plan, "probe"));
    Namespace.Result up = Namespace.run(List.of("bash", dir.resolve("up.sh").toString()), Map.of());
    assertEquals(1, up.exit());
    assertTrue(up.err().contains("patchbay-no-such-program is not installed"), up.err());
  }

  /** Waits on the process's exit (the JDK watches it), up to the deadline. */
  private static boolean gone(long pid, Duration within) throws Exception {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty()) {
      return true;
    }
    try {
      h.get().onExit().get(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    }
  }
}
