package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two labs with NAT in one namespace (a host): each has its own nft table, so neither touches the other's. */
@Tag("live")
class TwoLabsNatLiveTest {
  private static final String RULE_B = "ip saddr 192.168.50.0/24 oifname \"eth0\" masquerade";
  @TempDir
  Path state;
  private TestNamespace ns;
  private final String labA = LabFixture.uniqueLab();
  private final String labB = LabFixture.uniqueLab() + "-b";

  @BeforeEach
  void host() throws IOException {
    ns = TestNamespace.create();
    LabFixture.addUplinks(ns.name());
  }

  @AfterEach
  void removeHost() throws IOException {
    ns.close();
  }

  /** A second design that shares nothing with nat-bridge but the uplink: one tap, its own subnet, NAT out of eth0. */
  static Topology otherLab() {
    Topology t = new Topology("Lab B", "a tap of its own behind NAT", null);
    t.add(new Uplink("eth0", "eth0", Uplink.Medium.WIRED, "10.0.0.10/8", "10.0.0.1", List.of()), new Point(0, 0));
    t.add(new Tap("tapb0", "tapb0", "192.168.50.1/24", null), new Point(100, 0));
    t.setHost(HostSettings.none().withIpForward(true)
        .withNat(List.of(new HostSettings.Nat("192.168.50.0/24", "eth0"))));
    return t;
  }

  private String ipForward() throws IOException {
    return TestNamespace.run(List.of("ip", "netns", "exec", ns.name(), "sysctl", "-n", "net.ipv4.ip_forward")).strip();
  }

  private String nft(String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of("ip", "netns", "exec", ns.name(), "nft"));
    command.addAll(List.of(args));
    return TestNamespace.run(command);
  }

  @Test
  void downOfOneLabLeavesTheOtherLabsMasqueradeAndDownOfBothLeavesTheRulesetAsBefore() throws Exception {
    String before = nft("list", "ruleset");
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample("nat-bridge.json"), labA, TargetSpec.netns(ns.name()), 0, "a");
    labs.up(otherLab(), labB, TargetSpec.netns(ns.name()), 0, "b");
    String tables = nft("list", "tables");
    assertTrue(tables.contains("table ip " + Planner.natTable(labA)) && tables.contains("table ip " + Planner.natTable(labB)),
        tables);
    labs.down(labA);
    String afterA = nft("list", "ruleset");
    assertTrue(afterA.contains(RULE_B), afterA);
    assertFalse(afterA.contains(Planner.natTable(labA)), afterA);
    labs.down(labB);
    assertEquals(before, nft("list", "ruleset"));
  }

  @Test
  void ipForwardStaysOnWhileTheOtherLabNeedsItAndGoesBackWithTheLastLab() throws Exception {
    String before = LabFixture.snapshot(ns.name());
    assertEquals("0", ipForward());
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample("nat-bridge.json"), labA, TargetSpec.netns(ns.name()), 0, "a");
    labs.up(otherLab(), labB, TargetSpec.netns(ns.name()), 0, "b");
    List<String> report = labs.down(labA);
    assertEquals("1", ipForward(), "lab B's NAT needs forwarding: " + report);
    assertTrue(report.contains("left net.ipv4.ip_forward as it is: lab " + labB + " needs it too and takes it over"),
        report.toString());
    labs.down(labB);
    assertEquals("0", ipForward());
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  @Test
  void aReapplyThatDropsIpForwardLeavesItOnForTheOtherLab() throws Exception {
    String before = LabFixture.snapshot(ns.name());
    Labs labs = new Labs(state);
    Topology a = LabFixture.sample("nat-bridge.json");
    labs.up(a, labA, TargetSpec.netns(ns.name()), 0, "a");
    labs.up(otherLab(), labB, TargetSpec.netns(ns.name()), 0, "b");
    a.setHost(HostSettings.none());
    labs.up(a, labA, TargetSpec.netns(ns.name()), 0, "a edited");
    assertEquals("1", ipForward());
    labs.down(labB);
    assertEquals("0", ipForward(), "lab B took ip_forward over with the value lab A found");
    labs.down(labA);
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  @Test
  void aFailedReapplyTakesTheHandedOverSettingBack() throws Exception {
    String before = LabFixture.snapshot(ns.name());
    Labs labs = new Labs(state);
    Topology a = LabFixture.sample("nat-bridge.json");
    labs.up(a, labA, TargetSpec.netns(ns.name()), 0, "a");
    labs.up(otherLab(), labB, TargetSpec.netns(ns.name()), 0, "b");
    a.setHost(HostSettings.none());
    a.replace(new dev.patchbay.model.topology.Bridge("br0", "br0", "192.168.9.1/24", false));
    // Removals: DeleteNat, ip_forward (handed to lab B), the old address; then the new address fails.
    Labs failing = new Labs(state).withFaults((i, step) -> {
      if (step instanceof dev.patchbay.model.plan.Step.AddAddress) {
        throw new IOException("injected fault");
      }
    });
    org.junit.jupiter.api.Assertions.assertThrows(Applier.ApplyException.class,
        () -> failing.up(a, labA, TargetSpec.netns(ns.name()), 0, "a edited"));
    assertTrue(LabRecord.read(labB, labs.journal(labB)).liveSteps().stream()
        .noneMatch(e -> e.path("step").path("kind").asText().equals("SetSysctl")), "lab B gave ip_forward back");
    labs.down(labB);
    assertEquals("1", ipForward(), "lab A still owns ip_forward after its failed re-apply");
    labs.down(labA);
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  @Test
  void applyingTheSecondLabKeepsTheFirstLabsRule() throws Exception {
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample("nat-bridge.json"), labA, TargetSpec.netns(ns.name()), 0, "a");
    labs.up(otherLab(), labB, TargetSpec.netns(ns.name()), 0, "b");
    String ruleset = nft("list", "ruleset");
    assertTrue(ruleset.contains("ip saddr 192.168.0.0/24 oifname \"eth0\" masquerade") && ruleset.contains(RULE_B),
        ruleset);
    labs.down(labB);
    labs.down(labA);
  }

  @Test
  void importHostReadsTheNatOfEveryLab() throws Exception {
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample("nat-bridge.json"), labA, TargetSpec.netns(ns.name()), 0, "a");
    labs.up(otherLab(), labB, TargetSpec.netns(ns.name()), 0, "b");
    try (Target target = Target.namespace(ns.name())) {
      List<HostSettings.Nat> nat = HostImport.read(target, "imported").host().nat();
      assertEquals(java.util.Set.of(new HostSettings.Nat("192.168.0.0/24", "eth0"),
          new HostSettings.Nat("192.168.50.0/24", "eth0")), java.util.Set.copyOf(nat));
    }
    labs.down(labB);
    labs.down(labA);
  }
}
