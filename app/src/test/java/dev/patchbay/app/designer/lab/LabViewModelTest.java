package dev.patchbay.app.designer.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.app.designer.live.LiveCountersViewModel;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class LabViewModelTest {
  private static Topology sample() throws Exception {
    String p = System.getProperty("patchbay.samples");
    return TopologyFiles.load((p != null ? Path.of(p) : Path.of("..", "samples")).resolve("nat-bridge.json"));
  }

  /**
   * How long a condition may take: the live tests' agents boot QEMU guests, which on a busy 2-core
   * machine took more than 20 s (the old limit, hit in a README run). A condition that holds ends
   * the wait at once, so only a failure waits this long.
   */
  static final Duration CONDITION_LIMIT = Duration.ofSeconds(180);

  /** Polls a few milliseconds apart (a spinning wait took a core from the guests it waited for). */
  static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + CONDITION_LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + CONDITION_LIMIT.toSeconds() + " s");
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }

  @Test
  void applySendsTheDesignThenCountersReachTheCanvasAndTearDownLeavesLiveMode() throws Exception {
    ScriptedService agent = new ScriptedService();
    LiveCountersViewModel counters = new LiveCountersViewModel();
    LabViewModel vm = new LabViewModel(kind -> agent, Executors.newSingleThreadScheduledExecutor(), Runnable::run, counters);
    vm.apply(sample(), "lab1");
    waitUntil(() -> counters.snapshotProperty().get() != null);
    assertEquals(LabViewModel.State.LIVE, vm.stateProperty().get());
    assertEquals(TargetSpec.sandbox(), agent.lastUp.target());
    assertEquals(TopologyFiles.toJson(sample()), TopologyFiles.toJson(agent.lastUp.design()), "the design itself is sent");
    assertEquals(12L, counters.snapshotProperty().get().link("l2").orElseThrow().total());
    vm.tearDown();
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.DESIGN);
    assertNull(counters.snapshotProperty().get(), "back to plain wires");
    assertEquals(1, agent.count("down"));
    long polls = agent.count("counters");
    assertTrue(polls >= 1);
    vm.close();
  }

  @Test
  void aRefusedApplySaysWhyAndStaysInDesign() throws Exception {
    ScriptedService agent = new ScriptedService();
    agent.upFails = true;
    LabViewModel vm = new LabViewModel(kind -> agent, Executors.newSingleThreadScheduledExecutor(), Runnable::run,
        new LiveCountersViewModel());
    vm.apply(sample(), "lab1");
    waitUntil(() -> vm.statusProperty().get().startsWith("Cannot apply"));
    assertEquals(LabViewModel.State.DESIGN, vm.stateProperty().get());
    assertTrue(vm.statusProperty().get().contains("EPERM"), vm.statusProperty().get());
    assertEquals(0, agent.count("counters"));
    vm.close();
  }

  @Test
  void tenPerSecondPollsTenTimesFasterAndMoreThanTenIsRefused() throws Exception {
    ScriptedService agent = new ScriptedService();
    LabViewModel vm = new LabViewModel(kind -> agent, Executors.newSingleThreadScheduledExecutor(), Runnable::run,
        new LiveCountersViewModel());
    vm.apply(sample(), "lab1");
    waitUntil(() -> agent.count("counters") >= 1);
    vm.setRefreshHz(10);
    long start = System.nanoTime();
    long from = agent.count("counters");
    waitUntil(() -> agent.count("counters") >= from + 10);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds < 5, "10 polls at 10 Hz took " + seconds + " s; at 1 Hz they take about 10 s");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> vm.setRefreshHz(20));
    vm.close();
  }

  @Test
  void cuttingALinkAsksTheAgentAndDrawsItDashedUntilRestored() throws Exception {
    ScriptedService agent = new ScriptedService();
    LiveCountersViewModel counters = new LiveCountersViewModel();
    LabViewModel vm = new LabViewModel(kind -> agent, Executors.newSingleThreadScheduledExecutor(), Runnable::run, counters);
    vm.apply(sample(), "lab1");
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.LIVE);
    vm.setLink("l4", false);
    waitUntil(() -> vm.isCut("l4"));
    assertEquals("l4", agent.lastLink);
    assertTrue(!agent.lastLinkUp);
    vm.setLink("l4", true);
    waitUntil(() -> !vm.isCut("l4"));
    vm.close();
  }

  @Test
  void runningGuestsStatesAndConsolesComeFromTheAgent() throws Exception {
    ScriptedService agent = new ScriptedService();
    LabViewModel vm = new LabViewModel(kind -> agent, Executors.newSingleThreadScheduledExecutor(), Runnable::run,
        new LiveCountersViewModel());
    vm.apply(sample(), "lab1");
    waitUntil(() -> vm.guestStates().containsKey("GUEST1"));
    assertEquals("running", vm.guestStates().get("GUEST1").state());
    java.util.concurrent.atomic.AtomicReference<String> console = new java.util.concurrent.atomic.AtomicReference<>();
    vm.console("GUEST1", console::set);
    waitUntil(() -> console.get() != null);
    assertTrue(console.get().contains("PB-READY"));
    vm.tearDown();
    waitUntil(() -> vm.guestStates().isEmpty());
    vm.close();
  }

  @Test
  void verifyReportsEveryCellAndReturnsToDesign() throws Exception {
    ScriptedService agent = new ScriptedService();
    LabViewModel vm = new LabViewModel(kind -> agent, Executors.newSingleThreadScheduledExecutor(), Runnable::run,
        new LiveCountersViewModel());
    java.util.concurrent.atomic.AtomicReference<dev.patchbay.backends.verify.VerifyReport> report =
        new java.util.concurrent.atomic.AtomicReference<>();
    vm.verify(sample(), "lab1-verify", report::set);
    waitUntil(() -> report.get() != null);
    assertEquals(LabViewModel.State.DESIGN, vm.stateProperty().get());
    assertEquals("Verified: 1 cell, 0 disagree, 0 untested", vm.statusProperty().get());
    vm.close();
  }

  @Test
  void verifyNamesTheDesignsErrorsBeforeItRunsAndNothingForACleanDesign() throws Exception {
    Topology broken = sample();
    broken.setHost(broken.host().withIpForward(false));

    assertEquals(java.util.List.of(), VerifyFindings.of(sample()));
    assertTrue(VerifyFindings.of(broken)
        .contains("error: the host masquerades out of eth0 but ip_forward is off"),
        VerifyFindings.of(broken).toString());
  }

  @Test
  void verifyAllowingErrorsAsksTheServiceSoAndSaysWhatCouldNotBeApplied() throws Exception {
    ScriptedService agent = new ScriptedService();
    LabViewModel vm = new LabViewModel(kind -> agent, Executors.newSingleThreadScheduledExecutor(), Runnable::run,
        new LiveCountersViewModel());
    java.util.concurrent.atomic.AtomicReference<dev.patchbay.backends.verify.VerifyReport> report =
        new java.util.concurrent.atomic.AtomicReference<>();
    vm.verify(sample(), "lab1-verify", true, report::set);
    waitUntil(() -> report.get() != null);
    assertEquals(1, agent.count("verify allowing errors"), agent.calls.toString());
    assertEquals("Verified: 1 cell, 0 disagree, 0 untested; 1 step of the design could not be applied: "
        + "add route 172.16.0.0/16 via 192.168.5.1 dev tap0: Network is unreachable", vm.statusProperty().get());
    vm.close();
  }

  @Test
  void thePlanShownBeforeApplyingListsTheSteps() throws Exception {
    String plan = ApplyPlan.of(sample(), TargetSpec.sandbox(), "my-lab").planText();
    assertTrue(plan.contains("create bridge br0") && plan.contains("masquerade 192.168.0.0/24"), plan);
  }

  @Test
  void thePlanShownForALabLoadsItsNatIntoTheLabsOwnTable() throws Exception {
    String plan = ApplyPlan.of(sample(), TargetSpec.host(), "my-lab").planText();
    assertTrue(plan.contains("load nft table ip patchbay_my_lab: masquerade 192.168.0.0/24"), plan);
  }
}
