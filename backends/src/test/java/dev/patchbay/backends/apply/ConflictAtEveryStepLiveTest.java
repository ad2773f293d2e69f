package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Step;
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

/**
 * A pre-existing object that collides with step k, for every step of three samples applied into a
 * host-like namespace (Plants says what is planted for each kind of step): the up is either refused
 * before any change, or applied and then taken down to exactly the namespace as it was. A planted
 * object is never changed or deleted. Guests are left out: no object of the namespace collides with
 * starting one.
 */
@Tag("live")
class ConflictAtEveryStepLiveTest {
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
    LabSwitches.stopAll(state, lab);
    ns.close();
  }

  static Stream<Arguments> everyStepOfThreeSamples() throws Exception {
    return Stream.of("nat-bridge.json", "bridged-lan.json", "wifi-proxy-arp.json").flatMap(sample -> {
      List<Step> steps = plainSteps(sample);
      return IntStream.range(0, steps.size()).boxed()
          .flatMap(k -> Plants.variants(steps.get(k)).stream().map(v -> Arguments.of(sample, k, v)));
    });
  }

  private static List<Step> plainSteps(String sample) {
    try {
      return Planner.plan(LabFixture.sample(sample)).steps().stream().filter(s -> !(s instanceof Step.StartGuest))
          .toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0} step {1}: {2}")
  @MethodSource("everyStepOfThreeSamples")
  void aPlantedObjectIsRefusedOrOutlivesTheLabUnchanged(String sample, int k, String variant) throws Exception {
    Plan plan = Labs.planner(lab).full(LabFixture.sample(sample));
    Plants plant = Plants.forStep(plainSteps(sample).get(k), variant, plan, ns.name(), lab);
    for (List<String> command : plant.commands()) {
      TestNamespace.run(command);
    }
    String planted = plant.probe() == null ? null : TestNamespace.run(plant.probe());
    String before = LabFixture.snapshot(ns.name());
    Labs labs = new Labs(state);

    if (plant.refused()) {
      ConflictCheck.Found e = assertThrows(ConflictCheck.Found.class,
          () -> labs.up(LabFixture.sample(sample), lab, TargetSpec.netns(ns.name()), 0, sample), plant.what());
      assertTrue(e.getMessage().contains("no step ran"), e.getMessage());
      assertTrue(labs.list().isEmpty(), "a refused first up leaves no lab behind");
    } else {
      labs.up(LabFixture.sample(sample), lab, TargetSpec.netns(ns.name()), 0, sample);
      if (planted != null) {
        assertEquals(planted, TestNamespace.run(plant.probe()), plant.what() + " while the lab is up");
      }
      labs.down(lab);
    }
    assertEquals(before, LabFixture.snapshot(ns.name()), plant.what());
    if (planted != null) {
      assertEquals(planted, TestNamespace.run(plant.probe()), plant.what());
    }
  }
}
