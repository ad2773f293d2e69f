package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Step;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** kill -9 of a separate apply process mid-apply, then down from the journal: nothing of the lab remains. */
@Tag("live")
class CrashLiveTest {
  @TempDir
  Path state;

  @ParameterizedTest(name = "{0} killed before step {1}")
  @CsvSource({"bridged-lan.json, 5", "bridged-lan.json, 11", "wifi-proxy-arp.json, 12",
      "nat-bridge.json, 10"})
  void downAfterKillMinus9RemovesEverythingTheLabMade(String sample, int stopAt) throws Exception {
    String lab = LabFixture.uniqueLab();
    try (TestNamespace ns = TestNamespace.create()) {
      LabFixture.addUplinks(ns.name());
      String before = LabFixture.snapshot(ns.name());
      killMidApply(lab, ns.name(), sample, stopAt, 0);
      assertNotEquals(before, LabFixture.snapshot(ns.name()), "the killed apply left nothing to clean up");
      new Labs(state).down(lab);
      assertEquals(before, LabFixture.snapshot(ns.name()));
    }
  }

  @Test
  void aVdeSwitchWhoseApplyWasKilledIsStoppedByDownByItsPid() throws Exception {
    String lab = LabFixture.uniqueLab();
    String sample = "vde-switch.json";
    List<Step> steps = Planner.plan(LabFixture.sample(sample)).steps();
    int firstGuest = steps.indexOf(steps.stream().filter(Step.StartGuest.class::isInstance).findFirst().orElseThrow());
    try (TestNamespace ns = TestNamespace.create()) {
      LabFixture.addUplinks(ns.name());
      String before = LabFixture.snapshot(ns.name());
      killMidApply(lab, ns.name(), sample, firstGuest, 0);
      ProcessHandle orphan = LabSwitches.of(state, lab, "vde0").process().orElseThrow(
          () -> new AssertionError("the killed apply had started no vde_switch"));

      List<String> report = new Labs(state).down(lab);

      assertTrue(report.contains("vde_switch vde0: stopped (pid " + orphan.pid() + ")"), report.toString());
      assertFalse(orphan.isAlive());
      assertEquals(before, LabFixture.snapshot(ns.name()));
    }
  }

  @Test
  void aRiskyApplyKilledMidwayIsRevertedByTheWatcherAtTheDeadline() throws Exception {
    String lab = LabFixture.uniqueLab();
    try (TestNamespace ns = TestNamespace.create()) {
      LabFixture.addUplinks(ns.name());
      String before = LabFixture.snapshot(ns.name());
      killMidApply(lab, ns.name(), "bridged-lan.json", 5, 1); // after eth0 lost its address
      assertFalse(LabFixture.snapshot(ns.name()).contains("10.0.0.10/8 scope global eth0"));
      assertEquals(ConfirmWatch.Outcome.REVERTED, ConfirmWatch.await(new Labs(state), lab));
      assertEquals(before, LabFixture.snapshot(ns.name()));
    }
  }

  private void killMidApply(String lab, String ns, String sample, int stopAt, int confirm) throws Exception {
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ApplyUntilKilled.class.getName(),
        state.toString(), lab, ns, sample, Integer.toString(stopAt), Integer.toString(confirm)))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("READY", out.readLine(), "the apply process did not reach step " + stopAt);
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }
  }
}
