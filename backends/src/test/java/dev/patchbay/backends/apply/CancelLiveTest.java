package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.format.TopologyFiles;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Progress and Cancel of an apply into a namespace standing for a host: every step is announced once,
 * in order; a cancel between any two steps rolls the namespace back to exactly what it was.
 */
@Tag("live")
class CancelLiveTest {
  private static final String SAMPLE = "nat-bridge.json";
  @TempDir
  Path state;
  private TestNamespace ns;
  private final String lab = LabFixture.uniqueLab();

  @BeforeEach
  void host() throws IOException {
    ns = TestNamespace.create();
    LabFixture.addUplinks(ns.name());
  }

  @AfterEach
  void removeHost() throws IOException {
    ns.close();
  }

  /** The sample without its guests: this test is about host steps, not QEMU. */
  static Topology withoutGuests() throws Exception {
    Topology t = LabFixture.sample(SAMPLE);
    for (var g : t.elementsOf(dev.patchbay.model.topology.Guest.class).toList()) {
      t.linksOf(g.id()).forEach(l -> t.disconnect(l.id()));
      t.remove(g.id());
    }
    return t;
  }

  static List<Integer> everyStep() throws Exception {
    return IntStream.range(0, Planner.plan(withoutGuests()).steps().size()).boxed().toList();
  }

  /** Records every announced step and cancels once {@code cancelAfter} steps have been announced. */
  private static final class Recorder implements Applier.Progress {
    final List<int[]> seen = new CopyOnWriteArrayList<>();
    final int cancelAfter;

    Recorder(int cancelAfter) {
      this.cancelAfter = cancelAfter;
    }

    @Override
    public void step(int index, int total, Step step) {
      seen.add(new int[] {index, total});
    }

    @Override
    public boolean cancelled() {
      return seen.size() >= cancelAfter;
    }
  }

  @Test
  void everyStepIsAnnouncedOnceInOrderWithTheTotal() throws Exception {
    Recorder r = new Recorder(Integer.MAX_VALUE);
    Labs labs = new Labs(state).withProgress(r);
    Labs.UpResult up = labs.up(withoutGuests(), lab, TargetSpec.netns(ns.name()), 0, SAMPLE);
    int n = up.plan().steps().size();
    assertEquals(IntStream.range(0, n).boxed().toList(), r.seen.stream().map(s -> s[0]).toList());
    assertTrue(r.seen.stream().allMatch(s -> s[1] == n), "every event carries the total " + n);
    labs.down(lab);
  }

  @ParameterizedTest(name = "cancelled after {0} announced steps")
  @MethodSource("everyStep")
  void aCancelBetweenAnyTwoStepsLeavesTheNamespaceAsBefore(int announced) throws Exception {
    String before = LabFixture.snapshot(ns.name());
    Recorder r = new Recorder(announced);
    Labs labs = new Labs(state).withProgress(r);
    Applier.ApplyException e = assertThrows(Applier.ApplyException.class,
        () -> labs.up(withoutGuests(), lab, TargetSpec.netns(ns.name()), 0, SAMPLE));
    assertTrue(e.cancelled(), e.getMessage());
    assertTrue(e.getMessage().startsWith("cancelled before step " + (e.stepIndex() + 1) + " of "), e.getMessage());
    assertTrue(e.stepIndex() >= announced, "no step runs after the cancel is seen: stopped at " + e.stepIndex());
    assertEquals(before, LabFixture.snapshot(ns.name()));
    assertTrue(labs.list().isEmpty(), "a cancelled first apply leaves no lab behind");
  }

  @Test
  void aCancelledFirstApplyInASandboxLeavesNoNamespaceBehind() throws Exception {
    String sandboxLab = LabFixture.uniqueLab();
    try {
      Labs labs = new Labs(state).withProgress(new Recorder(3));
      Applier.ApplyException e = assertThrows(Applier.ApplyException.class,
          () -> labs.up(withoutGuests(), sandboxLab, TargetSpec.sandbox(), 0, SAMPLE));
      assertTrue(e.cancelled(), e.getMessage());
      assertFalse(LabFixture.anyLeft(sandboxLab), "the sandbox made for this apply is deleted");
      assertTrue(labs.list().isEmpty());
    } finally {
      LabFixture.deleteSandbox(sandboxLab);
    }
  }
}
