package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.plan.LiveState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A lab edited from one of the routed, NAT and bridged scenarios (or proxy ARP over Wi-Fi) into another: re-applying gives the host
 * what applying the second design from scratch gives, and down still leaves the host as before.
 */
@Tag("live")
class SampleToSampleLiveTest {
  private static final List<String> SAMPLES = List.of("routed-subnets.json", "nat-routing.json",
      "nat-bridge.json", "bridged-lan.json", "wifi-proxy-arp.json");
  @TempDir
  Path state;

  static Stream<Arguments> pairs() {
    return SAMPLES.stream().flatMap(a -> SAMPLES.stream().filter(b -> !b.equals(a)).map(b -> Arguments.of(a, b)));
  }

  /** What a namespace holds, without what differs between two namespaces made alike (ifindex, MAC). */
  static String state(String ns) throws IOException {
    try (Target target = Target.namespace(ns)) {
      LiveState s = LiveStateReader.read(target, Set.of());
      return String.join("\n", new TreeSet<>(s.links().stream().map(Object::toString).toList()).toString(),
          new TreeSet<>(s.addresses().stream().map(Object::toString).toList()).toString(),
          new TreeSet<>(s.routes().stream().map(Object::toString).toList()).toString(),
          new TreeMap<>(s.sysctls()).toString(),
          TestNamespace.run(List.of("ip", "netns", "exec", ns, "nft", "list", "ruleset")));
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("pairs")
  void theEditedLabEqualsTheSecondDesignAppliedFromScratch(String first, String second) throws Exception {
    String lab = LabFixture.uniqueLab();
    try (TestNamespace edited = TestNamespace.create(); TestNamespace fresh = TestNamespace.create()) {
      LabFixture.addUplinks(edited.name());
      LabFixture.addUplinks(fresh.name());
      String before = LabFixture.snapshot(edited.name());
      Labs labs = new Labs(state.resolve("edited"));
      labs.up(LabFixture.sample(first), lab, TargetSpec.netns(edited.name()), 0, first);
      labs.up(LabFixture.sample(second), lab, TargetSpec.netns(edited.name()), 0, second);
      new Labs(state.resolve("fresh")).up(LabFixture.sample(second), lab, TargetSpec.netns(fresh.name()), 0, second);
      assertEquals(state(fresh.name()), state(edited.name()));
      assertEquals(List.of(), labs.planFor(LabFixture.sample(second), lab, TargetSpec.netns(edited.name())).steps());
      labs.down(lab);
      assertEquals(before, LabFixture.snapshot(edited.name()));
    }
  }
}
