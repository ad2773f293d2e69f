package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Step;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kernel refusal inside a batch: the requests after it took effect too, and are undone with the ones before. */
@Tag("live")
class BatchFailureLiveTest {
  @TempDir
  Path state;

  @Test
  void aRefusedAddressInTheMiddleOfABatchUndoesTheOthersAndKeepsWhatWasThere() throws Exception {
    try (TestNamespace ns = TestNamespace.create()) {
      LabFixture.addUplinks(ns.name());
      TestNamespace.run(List.of("ip", "-n", ns.name(), "address", "add", "10.1.0.1/24", "dev", "eth0"));
      String before = LabFixture.snapshot(ns.name());
      Plan plan = new Plan(List.of(new Step.AddAddress("eth0", "10.2.0.1/24"), new Step.AddAddress("eth0", "10.1.0.1/24"),
          new Step.AddAddress("eth0", "10.3.0.1/24")));
      try (Target target = Target.namespace(ns.name())) {
        Applier applier = new Applier(target, Marker.of("batch"), new Journal(state.resolve("j.jsonl")),
            GuestStarter.DEFERRED);
        Applier.ApplyException e = assertThrows(Applier.ApplyException.class, () -> applier.apply(plan));
        assertTrue(e.getMessage().startsWith("step 2 of 3 (add address 10.1.0.1/24 to eth0) failed: ")
            && e.getMessage().contains("EEXIST"), e.getMessage());
      }
      assertEquals(before, LabFixture.snapshot(ns.name()));
    }
  }
}
