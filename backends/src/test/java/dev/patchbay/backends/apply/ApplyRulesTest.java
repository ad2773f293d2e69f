package dev.patchbay.backends.apply;

import dev.patchbay.model.net.LabName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.HostSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApplyRulesTest {
  @ParameterizedTest
  @CsvSource({"bridged-lan.json, true", "wifi-proxy-arp.json, true", "nat-bridge.json, false",
      "routed-tun.json, false"})
  void onlyStepsThatCanCutTheHostOffAskForConfirmation(String sample, boolean cuts) throws Exception {
    var t = LabFixture.sample(sample);
    assertEquals(cuts, Labs.cutsOff(Planner.plan(t), t));
  }

  @Test
  void takingTheUplinkOffItsBridgeInAnEditedLabAsksForConfirmation() throws Exception {
    var t = LabFixture.sample("nat-bridge.json");
    var unbridge = new dev.patchbay.model.plan.Plan(List.of(new dev.patchbay.model.plan.Step.Release("eth0", "br0"),
        new dev.patchbay.model.plan.Step.RestoreUplinkAddresses("eth0")));
    assertTrue(Labs.cutsOff(unbridge, t));
  }

  @ParameterizedTest
  @CsvSource({"nat-bridge.json, nat-bridge", "My Lab!.json, my-lab", "...json, lab"})
  void labNamesComeFromTheFileName(String file, String lab) {
    assertEquals(lab, LabName.fromFileName(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Lab", "a;b", "a b", "-x", "a/b", "a23456789012345678901234567890123456789012"})
  void badLabNamesAreRefused(String name) {
    assertThrows(IllegalArgumentException.class, () -> LabName.checked(name));
  }

  @Test
  void aLabsGroupIsNeverTheDefaultGroupAndDiffersBetweenLabs() {
    assertNotEquals(0, Marker.of("a").group());
    assertNotEquals(Marker.of("a").group(), Marker.of("b").group());
    assertEquals("patchbay:a", Marker.of("a").alias());
  }

  @Test
  void theNatRulesetMasqueradesEachSourceOutOfItsInterface() {
    String text = NatRuleset.text("patchbay", List.of(new HostSettings.Nat("192.168.0.0/24", "eth0")));
    assertTrue(text.contains("ip saddr 192.168.0.0/24 oifname \"eth0\" masquerade"), text);
    assertTrue(text.startsWith("table ip patchbay {"));
  }

  @Test
  void aNatOutInterfaceThatCouldBreakTheRulesetIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> NatRuleset.text("patchbay", List.of(new HostSettings.Nat("192.168.0.0/24", "eth0\"; flush"))));
  }

  @Test
  void aPlanWithABadBridgeNameIsRefusedNamingTheStep() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> PlanCheck.check(new Plan(List.of(new Step.CreateTap("tap0", null), new Step.CreateBridge("br$(x)", false)))));
    assertTrue(e.getMessage().startsWith("step 2 refused before any change: bridge name refused"), e.getMessage());
  }

  @Test
  void theLanMachineIsNeitherTheGatewayNorTheUplink() {
    assertEquals(Ipv4.of("192.168.0.2"), Sandbox.lanMachine(Cidr.of("192.168.0.1/24"), Ipv4.of("192.168.0.3")));
    assertEquals(Ipv4.of("10.0.0.2"), Sandbox.lanMachine(Cidr.of("10.0.0.10/8"), Ipv4.of("10.0.0.1")));
    assertFalse(Sandbox.lanMachine(Cidr.of("10.0.0.2/8"), Ipv4.of("10.0.0.1")).equals(Ipv4.of("10.0.0.2")));
  }
}
