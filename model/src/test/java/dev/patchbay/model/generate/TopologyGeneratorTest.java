package dev.patchbay.model.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.check.Validator;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopologyGeneratorTest {
  @ParameterizedTest
  @ValueSource(ints = {8, 9, 30, 60, 200})
  void makesExactlyTheRequestedNumberOfElements(int n) {
    assertEquals(n, TopologyGenerator.generate(n, 1).elements().size());
  }

  @Test
  void theSameSeedGivesTheSameFile() {
    assertEquals(TopologyFiles.toJson(TopologyGenerator.generate(60, 42)),
        TopologyFiles.toJson(TopologyGenerator.generate(60, 42)));
  }

  @Test
  void anotherSeedGivesAnotherTopology() {
    assertNotEquals(TopologyFiles.toJson(TopologyGenerator.generate(60, 42)),
        TopologyFiles.toJson(TopologyGenerator.generate(60, 43)));
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 60, 200})
  void passesTheValidatorWithoutErrors(int n) {
    var found = Validator.standard().check(TopologyGenerator.generate(n, 5));
    assertFalse(Validator.hasErrors(found), found.toString());
  }

  @Test
  void hasGuestsOnBridgesThroughTapsAndHubsJoinedBySocketsAndNatOut() {
    Topology t = TopologyGenerator.generate(60, 42);
    for (ElementKind k : ElementKind.values()) {
      if (k != ElementKind.VDE) {
        assertTrue(t.elements().stream().anyMatch(e -> e.kind() == k), "no " + k);
      }
    }
    assertFalse(t.host().nat().isEmpty());
  }

  @Test
  void refusesSizesTooSmallForItsSkeleton() {
    assertThrows(IllegalArgumentException.class, () -> TopologyGenerator.generate(7, 1));
  }
}
