package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("live")
class SandboxLiveTest {
  @TempDir
  Path state;
  private final String lab = LabFixture.uniqueLab();

  static List<String> samples() throws IOException {
    return LabFixture.samples();
  }

  @AfterEach
  void removeSandbox() throws IOException {
    LabSwitches.stopAll(state, lab); // a test that leaves its lab up leaves the VDE-switch scenario's vde_switch running
    LabFixture.deleteSandbox(lab);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleAppliesInASandboxAndReplanningIsEmpty(String sample) throws Exception {
    Topology t = LabFixture.sample(sample);
    Labs labs = new Labs(state);
    Labs.UpResult result = labs.up(t, lab, TargetSpec.sandbox(), 0, sample);
    List<?> missing = Labs.planner(lab).full(t).steps().stream().filter(s -> !result.plan().steps().contains(s)
        && !result.plan().steps().contains(s instanceof Step.SetSysctl sys ? new Step.SetSysctl(sys.key(), "0", sys.to()) : s)).toList();
    assertTrue(missing.isEmpty(), "a fresh sandbox needs every step, but the plan left out " + missing);
    Plan again = labs.planFor(t, lab, TargetSpec.sandbox());
    assertTrue(again.isEmpty(), "re-planning an applied lab gives " + again.steps());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void downDeletesEverySandboxNamespace(String sample) throws Exception {
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample(sample), lab, TargetSpec.sandbox(), 0, sample);
    assertTrue(LabFixture.anyLeft(lab));
    labs.down(lab);
    assertFalse(LabFixture.anyLeft(lab), "a sandbox namespace survived down");
    assertTrue(labs.list().isEmpty());
  }
}
