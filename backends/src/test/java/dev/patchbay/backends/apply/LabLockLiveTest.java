package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One operation at a time per lab: two ups of one design into one namespace once both failed and
 * each one's rollback deleted the other's tap; now the second is told the lab is busy and changes nothing.
 */
@Tag("live")
class LabLockLiveTest {
  @TempDir
  Path state;
  private TestNamespace ns;
  private final String lab = LabFixture.uniqueLab();

  @BeforeEach
  void host() throws Exception {
    ns = TestNamespace.create();
    LabFixture.addUplinks(ns.name());
  }

  @AfterEach
  void removeHost() throws Exception {
    ns.close();
  }

  @Test
  void aSecondUpOfTheSameLabIsToldItIsBusyAndChangesNothing() throws Exception {
    String before = LabFixture.snapshot(ns.name());
    Topology t = LabFixture.sample("nat-bridge.json");
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Labs first = new Labs(state).withFaults((index, step) -> {
      if (index == 2) {
        holding.countDown();
        await(release);
      }
    });
    CompletableFuture<Labs.UpResult> firstUp = CompletableFuture.supplyAsync(() -> {
      try {
        return first.up(t, lab, TargetSpec.netns(ns.name()), 0, "first");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertTrue(holding.await(60, TimeUnit.SECONDS), "the first up reached its third step");
    String midway = LabFixture.snapshot(ns.name());

    var busy = assertThrows(LabLock.BusyException.class,
        () -> new Labs(state).up(t, lab, TargetSpec.netns(ns.name()), 0, "second"));
    assertTrue(busy.getMessage().startsWith("lab " + lab + " is busy: patchbay up (pid " + ProcessHandle.current().pid()),
        busy.getMessage());
    assertThrows(LabLock.BusyException.class, () -> new Labs(state).down(lab), "a down waits its turn too");
    assertEquals(midway, LabFixture.snapshot(ns.name()), "the refused up and down changed nothing");

    release.countDown();
    firstUp.get(60, TimeUnit.SECONDS);
    assertTrue(new Labs(state).planFor(t, lab, TargetSpec.netns(ns.name())).isEmpty(), "the first up finished whole");
    new Labs(state).down(lab);
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  @Test
  void theLockIsFreeAgainAfterAFailedUp() throws Exception {
    Topology t = LabFixture.sample("nat-bridge.json");
    Labs failing = new Labs(state).withFaults((index, step) -> {
      if (index == 3) {
        throw new java.io.IOException("injected");
      }
    });
    assertThrows(Applier.ApplyException.class, () -> failing.up(t, lab, TargetSpec.netns(ns.name()), 0, "x"));
    new Labs(state).up(t, lab, TargetSpec.netns(ns.name()), 0, "x");
    new Labs(state).down(lab);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
