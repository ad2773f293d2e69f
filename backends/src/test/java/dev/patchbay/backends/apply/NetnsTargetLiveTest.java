package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Applying into a namespace that stands for a host (with eth0 and wlp3s0), then taking it down again. */
@Tag("live")
class NetnsTargetLiveTest {
  @TempDir
  Path state;
  private TestNamespace ns;
  private final String lab = LabFixture.uniqueLab();

  static List<String> samples() throws IOException {
    return LabFixture.samples();
  }

  @BeforeEach
  void host() throws IOException {
    ns = TestNamespace.create();
    LabFixture.addUplinks(ns.name());
  }

  @AfterEach
  void removeHost() throws IOException {
    LabSwitches.stopAll(state, lab);
    ns.close();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void upThenDownLeavesTheNamespaceExactlyAsBefore(String sample) throws Exception {
    String before = LabFixture.snapshot(ns.name());
    Labs labs = new Labs(state);
    Topology t = LabFixture.sample(sample);
    labs.up(t, lab, TargetSpec.netns(ns.name()), 0, sample);
    Plan again = labs.planFor(t, lab, TargetSpec.netns(ns.name()));
    assertTrue(again.isEmpty(), "re-planning an applied lab gives " + again.steps());
    labs.down(lab);
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  @org.junit.jupiter.api.Test
  void applyingAnEditedLabAppliesOnlyTheDifferenceAndDownRemovesBoth() throws Exception {
    String before = LabFixture.snapshot(ns.name());
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample("routed-subnets.json"), lab, TargetSpec.netns(ns.name()), 0, "p0");
    Labs.UpResult edited = labs.up(LabFixture.sample("nat-routing.json"), lab, TargetSpec.netns(ns.name()), 0, "p1");
    assertEquals(List.of("LoadNat"),
        edited.plan().steps().stream().map(s -> s.getClass().getSimpleName()).toList());
    labs.down(lab);
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  static Stream<Arguments> everyStepOfTwoSamples() throws Exception {
    return Stream.of("bridged-lan.json", "wifi-proxy-arp.json", "nat-bridge.json")
        .flatMap(s -> IntStream.range(0, plainSteps(s)).mapToObj(k -> Arguments.of(s, k)));
  }

  private static int plainSteps(String sample) {
    try {
      return (int) Planner.plan(LabFixture.sample(sample)).steps().stream()
          .filter(s -> !(s instanceof dev.patchbay.model.plan.Step.StartGuest)).count();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0} fails at step {1}")
  @MethodSource("everyStepOfTwoSamples")
  void aFailureAtAnyStepLeavesTheNamespaceAsBefore(String sample, int failAt) throws Exception {
    String before = LabFixture.snapshot(ns.name());
    Labs labs = new Labs(state).withFaults((i, step) -> {
      if (i == failAt) {
        throw new IOException("injected fault");
      }
    });
    Applier.ApplyException e = assertThrows(Applier.ApplyException.class,
        () -> labs.up(LabFixture.sample(sample), lab, TargetSpec.netns(ns.name()), 0, sample));
    assertTrue(e.getMessage().startsWith("step " + (failAt + 1) + " of ") && e.getMessage().contains("injected fault"),
        e.getMessage());
    assertEquals(before, LabFixture.snapshot(ns.name()));
    assertTrue(labs.list().isEmpty(), "a failed first apply leaves no lab behind");
  }
}
