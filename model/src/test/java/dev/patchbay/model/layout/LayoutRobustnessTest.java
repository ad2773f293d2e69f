package dev.patchbay.model.layout;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.model.RandomEdits;
import dev.patchbay.model.Samples;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.importer.AutoLayout;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever state edits leave a design in (links to missing NICs, taps on two bridges...), it lays out. */
class LayoutRobustnessTest {
  static Stream<String> samples() {
    return Samples.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void randomlyBrokenDesignsLayOutWithNoOverlaps(String sample) {
    Topology t = Samples.load(sample);
    CommandStack stack = new CommandStack(t);
    Random random = new Random(sample.hashCode());
    for (int step = 0; step < 60; step++) {
      RandomEdits.edit(t, stack, random);
      if (step % 3 == 0) {
        assertDoesNotThrow(() -> AutoLayout.apply(t), "step " + step);
        assertEquals(List.of(), LayoutChecks.overlaps(t), "step " + step);
        assertEquals(List.of(), LayoutChecks.hostBoxIntruders(t), "step " + step);
      }
    }
  }
}
