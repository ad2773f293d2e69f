package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confirm-or-revert without races: the countdown starts when the apply has finished, a confirmation
 * after the deadline is refused (and the revert still runs), one before it wins, and a sandbox never
 * counts down. The bridged-LAN scenario bridges the uplink, so applied to a host-like namespace it needs a countdown.
 */
@Tag("live")
class ConfirmRacesLiveTest {
  private static final String BRIDGED = "bridged-lan.json";
  @TempDir
  Path state;
  private TestNamespace ns;
  private final String lab = LabFixture.uniqueLab();
  private final List<String> watchers = new ArrayList<>();

  @BeforeEach
  void host() throws Exception {
    ns = TestNamespace.create();
    LabFixture.addUplinks(ns.name());
  }

  @AfterEach
  void removeHost() throws Exception {
    LabFixture.deleteSandbox(lab);
    ns.close();
  }

  /** Waits for the clock itself: the condition is a moment. */
  private static void waitUntil(long epochMillis) {
    for (long now = System.currentTimeMillis(); now < epochMillis; now = System.currentTimeMillis()) {
      try {
        Thread.sleep(epochMillis - now);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Labs labs() {
    return new Labs(state).withWatcher(watchers::add);
  }

  @Test
  void theCountdownStartsWhenTheApplyHasFinished() throws Exception {
    AtomicLong slowStepEnded = new AtomicLong();
    Labs slow = labs().withFaults((index, step) -> {
      if (index == 2) {
        waitUntil(System.currentTimeMillis() + 3000); // a guest that takes its time to boot
        slowStepEnded.set(System.currentTimeMillis());
      }
    });
    Labs.UpResult r = slow.up(LabFixture.sample(BRIDGED), lab, TargetSpec.netns(ns.name()), 2, "x");
    assertTrue(r.needsConfirmation());
    assertEquals(List.of(lab), watchers, "the watcher was started before the first step");
    long deadline = LabRecord.read(lab, slow.journal(lab)).confirmBy();
    assertTrue(deadline >= slowStepEnded.get() + 2000, "the 2 s ran from the end of the apply, not from its start: "
        + (deadline - slowStepEnded.get()) + " ms after the slow step");
  }

  @Test
  void aConfirmationAfterTheDeadlineIsRefusedAndTheRevertStillRuns() throws Exception {
    String before = LabFixture.snapshot(ns.name());
    Labs labs = labs();
    labs.up(LabFixture.sample(BRIDGED), lab, TargetSpec.netns(ns.name()), 1, "x");
    long deadline = LabRecord.read(lab, labs.journal(lab)).confirmBy();
    waitUntil(deadline + 1);
    var late = assertThrows(ConfirmWatch.TooLateException.class, () -> labs.confirm(lab));
    assertTrue(late.getMessage().startsWith("too late: lab " + lab + "'s deadline passed"), late.getMessage());
    assertEquals(ConfirmWatch.Outcome.REVERTED, ConfirmWatch.await(labs, lab));
    assertEquals(before, LabFixture.snapshot(ns.name()), "the revert won, as the refusal said");
    var gone = assertThrows(java.io.IOException.class, () -> labs.confirm(lab));
    assertTrue(gone.getMessage().contains("reverted"), gone.getMessage());
  }

  @Test
  void aConfirmationBeforeTheDeadlineWinsOverTheWatcher() throws Exception {
    Labs labs = labs();
    labs.up(LabFixture.sample(BRIDGED), lab, TargetSpec.netns(ns.name()), 60, "x");
    labs.confirm(lab);
    assertEquals(ConfirmWatch.Outcome.CONFIRMED, ConfirmWatch.await(labs, lab));
    assertFalse(LabRecord.read(lab, labs.journal(lab)).awaitingConfirmation());
    assertThrows(java.io.IOException.class, () -> labs.confirm(lab), "nothing waits any more");
    labs.down(lab);
  }

  @Test
  void anApplyThatEndedWithoutFinishingRevertsAtOnce() throws Exception {
    String before = LabFixture.snapshot(ns.name());
    Labs labs = labs();
    Topology t = LabFixture.sample(BRIDGED);
    labs.up(t, lab, TargetSpec.netns(ns.name()), 60, "x");
    labs.confirm(lab);
    // What an up killed halfway leaves: its countdown announced, never given a deadline.
    ConfirmWatch.announceCountdown(labs.journal(lab), 60);
    assertEquals(ConfirmWatch.Outcome.REVERTED, ConfirmWatch.await(labs, lab));
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  @Test
  void aSandboxNeverCountsDown() throws Exception {
    Labs labs = new Labs(state).withWatcher(l -> {
      throw new AssertionError("no watcher for a sandbox");
    });
    Labs.UpResult r = labs.up(LabFixture.sample(BRIDGED), lab, TargetSpec.sandbox(), 60, "x");
    assertFalse(r.needsConfirmation());
    assertFalse(LabRecord.read(lab, labs.journal(lab)).awaitingConfirmation());
    labs.down(lab);
  }
}
