package dev.patchbay.model.reach;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.model.RandomEdits;
import dev.patchbay.model.Samples;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever state an edit leaves a design in, the matrix is computed and complete. */
class ReachabilityRobustnessTest {
  static Stream<String> samples() {
    return Samples.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void matrixSurvivesRandomlyBrokenDesigns(String sample) {
    Topology t = Samples.load(sample);
    CommandStack stack = new CommandStack(t);
    Random random = new Random(~sample.hashCode());
    for (int step = 0; step < 120; step++) {
      RandomEdits.edit(t, stack, random);
      List<Reachability.Pair> pairs = assertDoesNotThrow(() -> Reachability.of(t), "step " + step);
      long guests = t.elementsOf(Guest.class).count();
      assertEquals(guests * 6 + guests * (guests - 1), pairs.size());
    }
  }
}
