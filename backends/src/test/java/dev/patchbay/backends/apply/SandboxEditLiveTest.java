package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.Route;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab up in a sandbox, re-applied after an edit of what lives outside the lab's host namespace:
 * the LAN router's route back (the routed-tun scenario's "route to the guests' subnet on the LAN router") follows
 * the design both ways, and an uplink the sandbox was not built with is refused before any change.
 */
@Tag("live")
class SandboxEditLiveTest {
  private static final String SAMPLE = "routed-tun.json";
  @TempDir
  Path state;
  private final String lab = LabFixture.uniqueLab();

  @AfterEach
  void cleanUp() throws IOException {
    if (LabFixture.anyLeft(lab)) {
      try {
        new Labs(state).down(lab);
      } finally {
        LabFixture.deleteSandbox(lab);
      }
    }
  }

  private static Topology withoutRouteBack() throws Exception {
    Topology t = LabFixture.sample(SAMPLE);
    Lan lan = t.elementsOf(Lan.class).findFirst().orElseThrow();
    t.replace(lan.withRoutes(List.of()));
    return t;
  }

  private List<String> lanGatewayRoutes() throws IOException {
    try (Target lan = Target.namespace(Sandbox.lan(lab))) {
      return lan.rt().routes().stream().filter(r -> r.gateway().isPresent())
          .map(r -> r.destination() + " via " + r.gateway().get()).toList();
    }
  }

  @Test
  void removingTheRouteBackFromTheDesignRemovesItFromTheSandboxLan() throws Exception {
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample(SAMPLE), lab, TargetSpec.sandbox(), 0, SAMPLE);
    assertEquals(List.of("172.20.0.0/16 via 192.168.0.10"), lanGatewayRoutes());
    labs.up(withoutRouteBack(), lab, TargetSpec.sandbox(), 0, "edited");
    assertEquals(List.of(), lanGatewayRoutes());
  }

  @Test
  void addingTheRouteBackToTheDesignAddsItToTheSandboxLan() throws Exception {
    Labs labs = new Labs(state);
    labs.up(withoutRouteBack(), lab, TargetSpec.sandbox(), 0, "edited");
    assertEquals(List.of(), lanGatewayRoutes());
    labs.up(LabFixture.sample(SAMPLE), lab, TargetSpec.sandbox(), 0, SAMPLE);
    assertEquals(List.of("172.20.0.0/16 via 192.168.0.10"), lanGatewayRoutes());
  }

  @Test
  void anUplinkTheSandboxWasNotBuiltWithIsRefusedBeforeAnyChange() throws Exception {
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample(SAMPLE), lab, TargetSpec.sandbox(), 0, SAMPLE);
    Topology edited = withoutRouteBack();
    edited.add(new Uplink("eth9", "eth9", Uplink.Medium.WIRED, "192.168.9.10/24", "192.168.9.1", List.of()),
        new dev.patchbay.model.topology.Point(0, 0));
    IOException e = assertThrows(IOException.class, () -> labs.up(edited, lab, TargetSpec.sandbox(), 0, "edited"));
    assertTrue(e.getMessage().contains("built without uplink eth9") && e.getMessage().contains("patchbay down " + lab),
        e.getMessage());
    assertEquals(List.of("172.20.0.0/16 via 192.168.0.10"), lanGatewayRoutes(), "the LAN was left as it was");
    assertEquals(List.of(), labs.planFor(LabFixture.sample(SAMPLE), lab, TargetSpec.sandbox()).steps());
    labs.down(lab);
    assertFalse(LabFixture.anyLeft(lab));
  }
}
