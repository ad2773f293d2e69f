package dev.patchbay.app.designer.lab;

import static dev.patchbay.app.designer.lab.LabViewModelTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.live.LiveCountersViewModel;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The apply's progress bar and Cancel, and the confirm-or-revert banner, against a scripted agent and a set clock. */
class LabApplyFlowTest {
  private static final long NOW = 1_800_000_000_000L;
  private final ScriptedService agent = new ScriptedService();
  private final AtomicLong clock = new AtomicLong(NOW);
  private final LiveCountersViewModel counters = new LiveCountersViewModel();
  private final LabViewModel vm = new LabViewModel(kind -> agent, Executors.newSingleThreadScheduledExecutor(),
      Runnable::run, counters, clock::get);

  @AfterEach
  void close() {
    vm.close();
  }

  static Topology sample(String file) throws Exception {
    String p = System.getProperty("patchbay.samples");
    return TopologyFiles.load((p != null ? Path.of(p) : Path.of("..", "samples")).resolve(file));
  }

  @Test
  void progressEventsMoveTheBarAndTheStepTextThenTheBarGoes() throws Exception {
    agent.upSteps = 4;
    vm.apply(sample("nat-bridge.json"), "lab1");
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.LIVE);
    assertEquals("Step 4 of 4: create tap tap3", vm.progress().stepTextProperty().get());
    assertEquals(0.75, vm.progress().fractionProperty().get(), 1e-9, "3 of 4 steps were done when the 4th began");
    assertFalse(vm.progress().runningProperty().get(), "no bar once the lab is up");
  }

  @Test
  void theBarIsIndeterminateUntilTheFirstStepAndOnlyTheLatestWaitingEventIsShown() {
    java.util.List<Runnable> queued = new java.util.ArrayList<>();
    ApplyProgressViewModel p = new ApplyProgressViewModel(queued::add);
    p.start("Preparing in a sandbox...");
    assertEquals(-1, p.fractionProperty().get());
    for (int i = 0; i < 3; i++) {
      p.event(i, 10, "create tap tap" + i);
    }
    assertEquals(1, queued.size(), "three events waiting for the FX thread cost one runLater");
    queued.get(0).run();
    assertEquals(0.2, p.fractionProperty().get(), 1e-9);
    assertEquals("Step 3 of 10: create tap tap2", p.stepTextProperty().get());
  }

  @Test
  void cancelSendsACancelForTheRunningUpAndReturnsToDesignSayingItWasRolledBack() throws Exception {
    agent.upSteps = 5;
    agent.upWaitsForCancel = true;
    vm.apply(sample("nat-bridge.json"), "lab1");
    waitUntil(() -> vm.progress().stepTextProperty().get().startsWith("Step 1 of 5"));
    vm.progress().cancel();
    assertTrue(vm.progress().cancellingProperty().get(), "Cancel is pressed once; the button greys out");
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.DESIGN);
    assertEquals(1, agent.cancels.get(), "the running up is cancelled once");
    String status = vm.statusProperty().get();
    assertTrue(status.startsWith("Apply cancelled: lab lab1 was rolled back") && status.contains("cancelled before step 2"),
        status);
    assertFalse(vm.progress().runningProperty().get());
    assertEquals(0, agent.count("counters"), "a cancelled lab is never polled");
  }

  @Test
  void aCancelPressedDuringAnEarlierApplyDoesNotCarryOver() throws Exception {
    agent.upSteps = 1;
    vm.progress().start("x");
    vm.progress().cancel();
    vm.progress().finish();
    vm.apply(sample("nat-bridge.json"), "lab1");
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.LIVE);
    assertFalse(vm.statusProperty().get().startsWith("Apply finished before Cancel"),
        "a cancel of an earlier apply does not carry over: " + vm.statusProperty().get());
  }

  @Test
  void aHostApplySendsTheHostTargetAndTheCountdown() throws Exception {
    vm.apply(sample("bridged-lan.json"), "lab1", TargetSpec.host(), 60);
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.LIVE);
    assertEquals(TargetSpec.host(), agent.lastUp.target());
    assertEquals(60, agent.lastUp.confirmSeconds());
    assertFalse(vm.confirmation().waitingProperty().get(), "no deadline in the answer: no banner");
  }

  private void applyWithDeadline(long deadline) throws Exception {
    agent.confirmBy = deadline;
    vm.apply(sample("bridged-lan.json"), "lab1", TargetSpec.host(), 60);
    waitUntil(() -> vm.confirmation().waitingProperty().get());
  }

  @Test
  void theBannerCountsTheSecondsLeftDown() throws Exception {
    applyWithDeadline(NOW + 60_000);
    assertEquals(60, vm.confirmation().secondsLeftProperty().get());
    assertTrue(vm.confirmation().textProperty().get().contains("revert by themselves in 60 s"),
        vm.confirmation().textProperty().get());
    clock.set(NOW + 41_500);
    vm.confirmation().tick();
    assertEquals(19, vm.confirmation().secondsLeftProperty().get(), "18.5 s left shows as 19");
    assertTrue(vm.confirmation().waitingProperty().get());
  }

  @Test
  void keepChangesConfirmsTheLabAndTheBannerGoes() throws Exception {
    applyWithDeadline(NOW + 60_000);
    vm.confirmation().confirm();
    waitUntil(() -> !vm.confirmation().waitingProperty().get());
    assertEquals(1, agent.count("confirm"));
    assertEquals(LabViewModel.State.LIVE, vm.stateProperty().get());
    assertTrue(vm.statusProperty().get().startsWith("Kept"), vm.statusProperty().get());
  }

  @Test
  void unconfirmedAtTheDeadlineTheWatchersRevertShowsAndTheDesignerLeavesLiveMode() throws Exception {
    applyWithDeadline(NOW + 60_000);
    waitUntil(() -> counters.snapshotProperty().get() != null);
    clock.set(NOW + 60_400);
    vm.confirmation().tick();
    assertTrue(vm.confirmation().waitingProperty().get(), "the lab is still listed: the watcher has not run yet");
    assertTrue(vm.confirmation().textProperty().get().contains("reverting"), vm.confirmation().textProperty().get());
    agent.labState = "gone";
    vm.confirmation().tick();
    assertFalse(vm.confirmation().waitingProperty().get());
    assertEquals(LabViewModel.State.DESIGN, vm.stateProperty().get());
    assertTrue(vm.statusProperty().get().contains("reverted by itself"), vm.statusProperty().get());
    assertEquals(null, counters.snapshotProperty().get(), "the wires are plain again");
    assertEquals(0, agent.count("down"), "the watcher reverted it; the designer did not tear down");
  }

  @Test
  void aCounterPollFailingAfterTheRevertDoesNotHideWhyTheLabWent() throws Exception {
    applyWithDeadline(NOW + 60_000);
    clock.set(NOW + 61_000);
    agent.labState = "gone";
    vm.confirmation().tick();
    agent.countersFail = true;
    vm.pollOnce(); // one that was already running on the worker
    assertTrue(vm.statusProperty().get().contains("reverted by itself"), vm.statusProperty().get());
  }

  @Test
  void aConfirmFromATerminalEndsTheCountdownHereToo() throws Exception {
    applyWithDeadline(NOW + 60_000);
    agent.labState = "confirmed";
    vm.confirmation().tick();
    assertFalse(vm.confirmation().waitingProperty().get());
    assertEquals(LabViewModel.State.LIVE, vm.stateProperty().get());
    assertTrue(vm.statusProperty().get().contains("was confirmed"), vm.statusProperty().get());
  }

  @Test
  void revertNowTakesTheLabDownAtOnce() throws Exception {
    applyWithDeadline(NOW + 60_000);
    vm.confirmation().revertNow();
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.DESIGN);
    assertEquals(1, agent.count("down"));
    assertFalse(vm.confirmation().waitingProperty().get());
    assertTrue(vm.statusProperty().get().startsWith("Reverted lab lab1 now"), vm.statusProperty().get());
  }

  @Test
  void tearingDownWhileWaitingEndsTheBanner() throws Exception {
    applyWithDeadline(NOW + 60_000);
    vm.tearDown();
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.DESIGN);
    assertFalse(vm.confirmation().waitingProperty().get());
    assertEquals("Lab lab1 is down", vm.statusProperty().get());
  }
}
