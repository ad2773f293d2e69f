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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A create whose name someone else's link holds fails at its step, and neither the step nor the
 * rollback touches that link: nothing marks it, nothing deletes it, no undo of it is even tried.
 * Plans go straight to the Applier here, past the pre-flight conflict check that Labs runs first.
 */
@Tag("live")
class FailedCreateLiveTest {
  @TempDir
  Path state;
  private TestNamespace ns;

  @BeforeEach
  void host() throws IOException {
    ns = TestNamespace.create();
    LabFixture.addUplinks(ns.name());
  }

  @AfterEach
  void removeHost() throws IOException {
    ns.close();
  }

  @Test
  void aBridgeWhoseNameAVethHoldsFailsAndTheVethAndItsPeerSurviveWithTheirAlias() throws Exception {
    ip("link", "add", "br0", "type", "veth", "peer", "name", "br0peer");
    ip("link", "set", "br0", "alias", "the user's veth");
    ip("link", "set", "br0peer", "alias", "its peer");
    String before = LabFixture.snapshot(ns.name());

    Applier.ApplyException e = assertThrows(Applier.ApplyException.class, () -> apply(
        new Step.CreateTap("tap0", null), new Step.CreateBridge("br0", false), new Step.SetUp("tap0")));

    assertTrue(e.getMessage().startsWith("step 2 of 3 (create bridge br0")
        && e.getMessage().contains("failed: create bridge 'br0': EEXIST"), e.getMessage());
    assertTrue(e.getMessage().endsWith("undid steps 1..1 in reverse"), "only tap0 is undone: " + e.getMessage());
    assertEquals(before, LabFixture.snapshot(ns.name()));
    assertEquals("the user's veth", ns.ipLink("br0").path("ifalias").asText());
    assertEquals("its peer", ns.ipLink("br0peer").path("ifalias").asText());
  }

  @Test
  void aTapWhoseNameAUsersTunHoldsFailsAndItsRollbackLeavesTheTunAlone() throws Exception {
    ip("tuntap", "add", "dev", "tap1", "mode", "tap", "vnet_hdr");
    String before = LabFixture.snapshot(ns.name());

    Applier.ApplyException e = assertThrows(Applier.ApplyException.class,
        () -> apply(new Step.CreateTap("tap1", null)));

    assertTrue(e.getMessage().startsWith("step 1 of 1 (create tap tap1) failed: create tap 'tap1': EBUSY"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("; nothing to undo"), "no undo of a tap the step did not make: " + e.getMessage());
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  @Test
  void aUsersTunInsideARunOfTapsStopsTheRunAndOnlyTheTapsMadeBeforeItAreUndone() throws Exception {
    ip("tuntap", "add", "dev", "tap1", "mode", "tap", "vnet_hdr");
    String before = LabFixture.snapshot(ns.name());

    Applier.ApplyException e = assertThrows(Applier.ApplyException.class, () -> apply(
        new Step.CreateTap("tapa", null), new Step.CreateTap("tap1", null), new Step.CreateTap("tapc", null)));

    assertTrue(e.getMessage().startsWith("step 2 of 3 (create tap tap1) failed: create tap 'tap1': EBUSY"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("undid steps 1..1 in reverse"), e.getMessage());
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  private void apply(Step... steps) throws Applier.ApplyException {
    try (Target target = Target.namespace(ns.name())) {
      new Applier(target, Marker.of("mark"), new Journal(state.resolve("j.jsonl")), GuestStarter.DEFERRED)
          .apply(new Plan(List.of(steps)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private void ip(String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of("ip", "-n", ns.name()));
    command.addAll(List.of(args));
    TestNamespace.run(command);
  }
}
