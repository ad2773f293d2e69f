package dev.patchbay.model.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SamplesRoundTripTest {
  static Stream<Path> samples() {
    return Samples.all().stream();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sampleSavesBackByteIdentical(Path sample) throws Exception {
    String original = Files.readString(sample, StandardCharsets.UTF_8);
    Topology t = TopologyFiles.load(sample);
    assertEquals(original, TopologyFiles.toJson(t), "saving an unchanged sample must reproduce the file exactly");
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sampleReloadsToAnEqualModel(Path sample) throws Exception {
    Topology first = TopologyFiles.load(sample);
    Topology second = TopologyFiles.parse(TopologyFiles.toJson(first), "memory");
    assertEquals(first.elements().stream().toList(), second.elements().stream().toList());
    assertEquals(first.links().stream().toList(), second.links().stream().toList());
    assertEquals(first.host(), second.host());
    assertEquals(first.layout(), second.layout());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sampleHasDescriptionAndLayoutForEveryElement(Path sample) throws Exception {
    Topology t = TopologyFiles.load(sample);
    assertFalse(t.description().isBlank(), "description");
    // A sample is named by its scenario; the "seed" field is only carried for older files (OldSeedFieldTest).
    assertNull(t.seed(), "a sample names no source document");
    t.elements().forEach(e -> assertTrue(t.position(e.id()).isPresent(), e.id() + " has a position"));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sampleChecksWithoutErrors(Path sample) throws Exception {
    Topology t = TopologyFiles.load(sample);
    var errors = StandardRules.validator().check(t).stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertEquals(java.util.List.of(), errors);
  }
}
