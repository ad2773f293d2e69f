package dev.patchbay.backends.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.probe.Probe;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.reach.Reachability;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which probes test which cell, on the samples verify runs. */
class VerifyPlanTest {
  private static VerifyPlan plan(String sample) throws Exception {
    Topology t = TopologyFiles.load(Path.of("..", "samples", sample + ".json"));
    return VerifyPlan.of(t, "lab1");
  }

  private static Check cell(VerifyPlan p, String from, String to) {
    return p.checks().stream().filter(c -> c.from().equals(from) && c.to().equals(to)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nat-routing", "user-net-hostfwd", "wifi-proxy-arp", "socket-listen-connect"})
  void everyMatrixCellGetsACheck(String sample) throws Exception {
    Topology t = TopologyFiles.load(Path.of("..", "samples", sample + ".json"));
    assertEquals(Reachability.of(t).size(), VerifyPlan.of(t, "lab1").checks().size());
  }

  @Test
  void guestToLanConnectsToTheListenerOnTheLanMachineAndPingsIt() throws Exception {
    Check c = cell(plan("nat-routing"), "guest1", "lan");
    assertEquals("guest1", c.guest());
    assertEquals(List.of(Probe.tcp("10.0.0.2", VerifyPlan.LISTEN_PORT), Probe.icmp("10.0.0.2")), c.probes());
  }

  @Test
  void guestToInternetAimsAtTheSandboxInternet() throws Exception {
    Check c = cell(plan("nat-routing"), "guest2", "internet");
    assertEquals(Probe.tcp("203.0.113.1", VerifyPlan.LISTEN_PORT), c.probes().get(0));
  }

  @Test
  void guestToHostAimsAtItsTapAddress() throws Exception {
    assertEquals(Probe.tcp("192.168.1.1", VerifyPlan.LISTEN_PORT), cell(plan("nat-routing"), "guest2", "host").probes().get(0));
  }

  @Test
  void lanToGuestProbesFromTheLanNamespaceTheGuestsEchoPort() throws Exception {
    Check c = cell(plan("nat-routing"), "lan", "guest1");
    assertNull(c.guest());
    assertEquals("pb-lab1-lan", c.namespace());
    assertEquals(List.of(Probe.tcp("192.168.0.10", VerifyPlan.GUEST_ECHO), Probe.icmp("192.168.0.10")), c.probes());
  }

  @Test
  void userNetGuestProbesTheHostBySlirpsAddressWithTcpOnly() throws Exception {
    Check c = cell(plan("user-net-hostfwd"), "sol11", "host");
    assertEquals(List.of(Probe.tcp("10.0.2.2", VerifyPlan.LISTEN_PORT)), c.probes());
  }

  @Test
  void hostReachesAUserNetGuestThroughItsForwardOnLoopback() throws Exception {
    Check c = cell(plan("user-net-hostfwd"), "host", "sol11");
    assertEquals("pb-lab1-host", c.namespace());
    assertEquals(List.of(Probe.tcp("127.0.0.1", 5022)), c.probes());
  }

  @Test
  void lanReachesAUserNetGuestThroughTheForwardOnTheHostsUplinkAddress() throws Exception {
    assertEquals(List.of(Probe.tcp("192.168.1.100", 5022)), cell(plan("user-net-hostfwd"), "lan", "sol11").probes());
  }

  @Test
  void theForwardedGuestPortIsOneTheProbeGuestEchoesOn() throws Exception {
    assertEquals(List.of(22), plan("user-net-hostfwd").listenPorts("sol11"));
  }

  @Test
  void proxyArpGuestReachesTheHostAtTheUplinkAddressInItsSubnet() throws Exception {
    assertEquals(Probe.tcp("192.168.1.57", VerifyPlan.LISTEN_PORT), cell(plan("wifi-proxy-arp"), "vm1", "host").probes().get(0));
  }

  @Test
  void withoutAnUplinkGuestToLanAimsAtTheLanRoutersOnlyAddress() throws Exception {
    Check c = cell(plan("socket-listen-connect"), "guestA", "lan");
    assertEquals(List.of(Probe.tcp("203.0.113.2", VerifyPlan.LISTEN_PORT), Probe.icmp("203.0.113.2")), c.probes());
  }

  @Test
  void hostWithoutAnyAddressLeavesGuestToHostUntestedSayingSo() throws Exception {
    Check c = cell(plan("hub-nics"), "guest", "host");
    assertFalse(c.tested());
    assertTrue(c.untested().contains("the host holds no IPv4 address"), c.untested());
  }

  @Test
  void guestOnAHubWithUserNetProbesTheHostAtSlirpsAddressWithTcpOnly() throws Exception {
    assertEquals(List.of(Probe.tcp("10.0.2.2", VerifyPlan.LISTEN_PORT)), cell(plan("user-on-hub"), "guest", "host").probes());
  }

  @Test
  void guestOnAHubWithUserNetProbesTheLanWithTcpOnly() throws Exception {
    assertEquals(List.of(Probe.tcp("192.168.1.2", VerifyPlan.LISTEN_PORT)), cell(plan("user-on-hub"), "guest", "lan").probes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"host", "lan", "internet"})
  void userNetGuestWithoutAForwardIsUntestedBecauseNothingOutsideCanAddressIt(String from) throws Exception {
    Check c = cell(plan("user-on-hub"), from, "guest");
    assertFalse(c.tested());
    assertTrue(c.untested().contains("user0 forwards no TCP port"), c.untested());
  }

  @Test
  void guestProbesCollectEachGuestsRowWithoutRepeats() throws Exception {
    List<Probe> probes = plan("nat-routing").guestProbes(true).get("guest1");
    assertEquals(probes.stream().distinct().count(), probes.size());
    assertTrue(probes.contains(Probe.tcp("192.168.1.10", VerifyPlan.GUEST_ECHO)), probes.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"nat-routing", "nat-bridge", "routed-tun", "tap-host-only", "wifi-proxy-arp", "user-on-hub"})
  void eachProbeGoesWithTheCellsItTestsAndOnceOnly(String sample) throws Exception {
    VerifyPlan plan = plan(sample);
    Map<String, List<Probe>> reached = plan.guestProbes(true);
    Map<String, List<Probe>> silent = plan.guestProbes(false);
    for (Check c : plan.checks()) {
      if (c.tested() && c.guest() != null) {
        List<Probe> mine = (c.expectsReached() ? reached : silent).getOrDefault(c.guest(), List.of());
        List<Probe> yes = reached.getOrDefault(c.guest(), List.of());
        for (Probe p : c.probes()) {
          assertTrue(mine.contains(p) || yes.contains(p), c.from() + " -> " + c.to() + ": " + p + " is asked of nobody");
        }
      }
    }
    silent.forEach((g, ps) -> assertTrue(ps.stream().noneMatch(reached.getOrDefault(g, List.of())::contains),
        g + " would run a probe twice: " + ps));
  }
}
