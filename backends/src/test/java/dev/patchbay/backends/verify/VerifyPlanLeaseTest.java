package dev.patchbay.backends.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.probe.Probe;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.net.Ipv4;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Cells towards a guest that takes its address by DHCP: they wait for the lease the guest reports
 * and are aimed at it once every guest is ready (no QEMU here: leases are handed in).
 */
class VerifyPlanLeaseTest {
  private static final Ipv4 A = Ipv4.of("10.0.2.15");
  private static final Ipv4 B = Ipv4.of("10.0.2.16");

  private static VerifyPlan plan(String design) throws Exception {
    return VerifyPlan.of(TopologyFiles.load(Path.of("src/test/resources/dev/patchbay/backends/verify", design + ".json")),
        "lab1");
  }

  private static Check cell(VerifyPlan p, String from, String to) {
    return p.checks().stream().filter(c -> c.from().equals(from) && c.to().equals(to)).findFirst().orElseThrow();
  }

  @Test
  void guestToADhcpGuestWaitsForThatGuestsLease() throws Exception {
    Check c = cell(plan("dhcp-over-socket"), "guestA", "guestB");
    assertTrue(c.pending());
    assertEquals(new Check.Lease("guestB", VerifyPlan.GUEST_ECHO, false), c.lease());
    assertTrue(c.probes().isEmpty());
  }

  @Test
  void theLeasesAwaitedAreThoseOfTheDhcpTargets() throws Exception {
    assertEquals(Set.of("guestA", "guestB"), plan("dhcp-over-socket").awaitedLeases());
  }

  @Test
  void aWaitingCellHasNoProbeToAskOfTheGuestBeforeItIsAimed() throws Exception {
    VerifyPlan plan = plan("dhcp-over-socket");
    for (boolean reached : List.of(true, false)) {
      assertTrue(plan.guestProbes(reached).getOrDefault("guestA", List.of()).stream()
          .noneMatch(p -> p.port() == VerifyPlan.GUEST_ECHO), plan.guestProbes(reached).toString());
    }
  }

  @Test
  void aimingPutsTcpToTheEchoPortAtTheReportedLeaseWithoutIcmpOnUserNet() throws Exception {
    VerifyPlan aimed = plan("dhcp-over-socket").aimed(Map.of("guestA", Optional.of(A), "guestB", Optional.of(B)));
    Check c = cell(aimed, "guestA", "guestB");
    assertFalse(c.pending());
    assertEquals(List.of(Probe.tcp("10.0.2.16", VerifyPlan.GUEST_ECHO)), c.probes());
  }

  @Test
  void onceAimedEachGuestProbesTheOthersLeaseAsACellExpectedToConnect() throws Exception {
    VerifyPlan aimed = plan("dhcp-over-socket").aimed(Map.of("guestA", Optional.of(A), "guestB", Optional.of(B)));
    Map<String, List<Probe>> reached = aimed.guestProbes(true);
    assertTrue(reached.get("guestA").contains(Probe.tcp("10.0.2.16", 7)), reached.toString());
    assertTrue(reached.get("guestB").contains(Probe.tcp("10.0.2.15", 7)), reached.toString());
  }

  @Test
  void aCellAimedAtAGuestWithoutALeaseIsObservedAsNo() throws Exception {
    Check c = cell(plan("dhcp-over-socket").aimed(Map.of()), "guestA", "guestB");
    assertTrue(c.leaseless());
    Cell cell = Cell.of(c, Map.of());
    assertEquals("no", cell.observed());
    assertTrue(cell.probe().contains("guestB obtained no DHCP lease"), cell.probe());
  }

  @Test
  void aCellStillWaitingCannotBecomeAReportCell() throws Exception {
    Check c = cell(plan("dhcp-over-socket"), "guestB", "guestA");
    assertThrows(IllegalStateException.class, () -> Cell.of(c, Map.of()));
  }

  @Test
  void namespaceToALanDhcpGuestWaitsAndIsAimedWithTcpAndIcmp() throws Exception {
    VerifyPlan p = plan("lan-dhcp-guest");
    Check waiting = cell(p, "lan", "guest2");
    assertTrue(waiting.pending());
    assertEquals("pb-lab1-lan", waiting.namespace());
    Check c = cell(p.aimed(Map.of("guest2", Optional.of(Ipv4.of("10.0.0.200")))), "lan", "guest2");
    assertNull(c.guest());
    assertEquals(List.of(Probe.tcp("10.0.0.200", 7), Probe.icmp("10.0.0.200")), c.probes());
  }

  @Test
  void aStaticTargetIsAimedFromTheStart() throws Exception {
    Check c = cell(plan("lan-dhcp-guest"), "guest2", "guest1");
    assertFalse(c.pending());
    assertEquals(List.of(Probe.tcp("10.0.0.11", 7), Probe.icmp("10.0.0.11")), c.probes());
  }

  @Test
  void aDhcpGuestReachesTheHostInTheSubnetTheModelExpectsItsLeaseIn() throws Exception {
    assertEquals(Probe.tcp("10.0.0.10", VerifyPlan.LISTEN_PORT), cell(plan("lan-dhcp-guest"), "guest2", "host").probes().get(0));
  }

  @Test
  void aimingTwiceIsRefused() throws Exception {
    Check c = cell(plan("dhcp-over-socket").aimed(Map.of()), "guestA", "guestB");
    assertThrows(IllegalStateException.class, () -> c.aimedAt(Optional.of(A)));
  }
}
