package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consecutive taps are made by one call on the namespace's thread and marked by one netlink batch:
 * each still ends up marked, and a failure anywhere in the run leaves the namespace as it was.
 */
@Tag("live")
class TapRunLiveTest {
  @TempDir
  Path state;

  @Test
  void everyTapOfARunCarriesTheLabsAlias() throws Exception {
    try (TestNamespace ns = TestNamespace.create(); Target target = Target.namespace(ns.name())) {
      applier(target).apply(taps("tapa", "tapb", "tapc"));
      for (String tap : List.of("tapa", "tapb", "tapc")) {
        assertEquals("patchbay:taps", ns.ipLink(tap).path("ifalias").asText(), tap);
      }
    }
  }

  @Test
  void aTapThatCannotBeMadeUndoesTheTapsBeforeItAndNoneAfterItIsMade() throws Exception {
    try (TestNamespace ns = TestNamespace.create()) {
      LabFixture.addUplinks(ns.name());
      String before = LabFixture.snapshot(ns.name());
      try (Target target = Target.namespace(ns.name())) {
        // eth0 is a veth: TUNSETIFF refuses the name.
        Applier.ApplyException e = assertThrows(Applier.ApplyException.class,
            () -> applier(target).apply(taps("tapa", "tapb", "eth0", "tapd")));
        assertTrue(e.getMessage().startsWith("step 3 of 4 (create tap eth0) failed: "), e.getMessage());
      }
      assertEquals(before, LabFixture.snapshot(ns.name()));
    }
  }

  @Test
  void aFaultInsideARunUndoesTheTapsBeforeIt() throws Exception {
    try (TestNamespace ns = TestNamespace.create()) {
      LabFixture.addUplinks(ns.name());
      String before = LabFixture.snapshot(ns.name());
      try (Target target = Target.namespace(ns.name())) {
        Applier applier = applier(target).withFaults((index, step) -> {
          if (index == 2) {
            throw new IOException("injected fault");
          }
        });
        Applier.ApplyException e = assertThrows(Applier.ApplyException.class,
            () -> applier.apply(taps("tapa", "tapb", "tapc", "tapd")));
        assertTrue(e.getMessage().startsWith("step 3 of 4 (create tap tapc) failed: injected fault; undid steps 2..1"),
            e.getMessage());
      }
      assertEquals(before, LabFixture.snapshot(ns.name()));
    }
  }

  private Applier applier(Target target) {
    return new Applier(target, Marker.of("taps"), new Journal(state.resolve("j.jsonl")), GuestStarter.DEFERRED);
  }

  private static Plan taps(String... names) {
    return new Plan(java.util.Arrays.stream(names).map(n -> (Step) new Step.CreateTap(n, null)).toList());
  }
}
