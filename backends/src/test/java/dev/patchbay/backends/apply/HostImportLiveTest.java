package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** import host reads back what up made: the imported topology plans the same host steps as the sample. */
@Tag("live")
class HostImportLiveTest {
  @TempDir
  Path state;

  private static Set<Step> hostSteps(Topology t) {
    return Planner.plan(t).steps().stream()
        .filter(s -> !(s instanceof Step.StartGuest) && !(s instanceof Step.StartVdeSwitch)).collect(Collectors.toSet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"routed-tun.json", "nat-routing.json", "nat-bridge.json",
      "bridged-lan.json", "wifi-proxy-arp.json", "hub-tap.json"})
  void importingAnAppliedLabGivesTheSameHostSteps(String sample) throws Exception {
    String lab = LabFixture.uniqueLab();
    try (TestNamespace ns = TestNamespace.create()) {
      LabFixture.addUplinks(ns.name());
      Topology original = LabFixture.sample(sample);
      new Labs(state).up(original, lab, TargetSpec.netns(ns.name()), 0, sample);
      Topology imported;
      try (Target target = Target.namespace(ns.name())) {
        imported = HostImport.read(target, "imported");
      }
      assertEquals(hostSteps(original), hostSteps(imported));
    }
  }
}
