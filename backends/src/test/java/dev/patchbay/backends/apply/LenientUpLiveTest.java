package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.plan.PlanText;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A design with errors applied as far as it can be (no guests: the labs' guest starter defers them):
 * a step the kernel refuses, and steps the plan check refuses, are left out and named; the rest is there.
 */
@Tag("live")
class LenientUpLiveTest {
  @TempDir
  Path state;
  private final String lab = LabFixture.uniqueLab();

  @AfterEach
  void removeSandbox() throws IOException {
    LabFixture.deleteSandbox(lab);
  }

  /** nat-routing with a host route through 192.168.5.1, on no subnet of tap0: the kernel says ENETUNREACH. */
  @Test
  void aStepTheKernelRefusesIsLeftOutAndTheRestApplied() throws Exception {
    Topology t = LabFixture.sample("nat-routing.json");
    t.setHost(t.host().withRoutes(List.of(new HostSettings.Route("172.16.0.0/16", "192.168.5.1", "tap0"))));
    Labs labs = new Labs(state);
    assertThrows(Applier.ApplyException.class, () -> labs.up(t, lab, TargetSpec.sandbox(), 0, "broken"),
        "applied strictly, the route fails the whole up");

    LenientUp.Result r = LenientUp.up(labs, t, lab, TargetSpec.sandbox(), "broken");

    assertEquals(1, r.skipped().size(), r.skipped().toString());
    assertEquals(new Step.AddRoute("172.16.0.0/16", "192.168.5.1", "tap0"), r.skipped().get(0).step());
    assertTrue(r.skipped().get(0).why().contains("Nexthop has invalid gateway"), r.skipped().get(0).why());
    assertFalse(r.up().done().stream().anyMatch(d -> d.step() instanceof Step.AddRoute a && a.via() != null
        && a.via().equals("192.168.5.1")), "the route is not among the steps done");
    assertTrue(r.up().done().stream().anyMatch(d -> PlanText.describe(d.step()).equals("create tap tap1")));
    assertTrue(labs.journal(lab).exists(), "the lab is up");
  }

  /** A host route naming a device the kernel cannot have: refused by the plan check before anything is made. */
  @Test
  void stepsThePlanCheckRefusesAreLeftOutBeforeAnythingIsMade() throws Exception {
    Topology t = LabFixture.sample("nat-routing.json");
    t.setHost(t.host().withRoutes(List.of(new HostSettings.Route("172.16.0.0/16", null, "dev-name-too-long-for-linux"))));
    Labs labs = new Labs(state);

    LenientUp.Result r = LenientUp.up(labs, t, lab, TargetSpec.sandbox(), "broken");

    assertEquals(1, r.skipped().size(), r.skipped().toString());
    assertTrue(r.skipped().get(0).describe().startsWith("add route 172.16.0.0/16 dev dev-name-too-long-for-linux: "),
        r.skipped().get(0).describe());
    assertTrue(r.up().done().stream().anyMatch(d -> PlanText.describe(d.step()).equals("create tap tap0")));
  }

  /** A host route on an interface nothing makes: the conflict check says it would fail, so it is left out. */
  @Test
  void aStepTheConflictCheckSaysWouldFailIsLeftOut() throws Exception {
    Topology t = LabFixture.sample("nat-routing.json");
    t.setHost(t.host().withRoutes(List.of(new HostSettings.Route("172.16.0.0/16", null, "nosuchdev"))));
    Labs labs = new Labs(state);

    LenientUp.Result r = LenientUp.up(labs, t, lab, TargetSpec.sandbox(), "broken");

    assertEquals(List.of("add route 172.16.0.0/16 dev nosuchdev: interface nosuchdev: there is none in network"
        + " namespace pb-" + lab + "-host, and 'add route 172.16.0.0/16 dev nosuchdev' needs it"),
        r.skipped().stream().map(LenientUp.Skipped::describe).toList());
    assertTrue(labs.journal(lab).exists(), "the lab is up");
  }

  /** A tap name a guest's QEMU command line cannot carry: the planner refuses it, and that is said whole. */
  @Test
  void aValueThePlannerRefusesIsSaidAndNothingIsMade() throws Exception {
    Topology t = LabFixture.sample("nat-routing.json");
    Tap tap1 = (Tap) t.element("tap1").orElseThrow();
    t.replace(new Tap(tap1.id(), "tap-name-too-long-for-linux", tap1.address(), tap1.owner()));
    Labs labs = new Labs(state);

    IOException e = assertThrows(IOException.class, () -> LenientUp.up(labs, t, lab, TargetSpec.sandbox(), "broken"));

    assertTrue(e.getMessage().startsWith("the design cannot be planned, not even in part: tap tap-name-too-long"),
        e.getMessage());
    assertFalse(labs.journal(lab).exists());
  }
}
