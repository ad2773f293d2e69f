package dev.patchbay.model.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.topology.HostSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptsTest {

  @Test
  void aValueWithShellCharactersIsOneQuotedWord() {
    String up = Scripts.up(new Plan(List.of(new Step.CreateTap("tap0", "o'brien; rm -rf /"))), "t");
    assertTrue(up.contains("\nip tuntap add dev tap0 mode tap user 'o'\\''brien; rm -rf /'\n"), up);
  }

  @Test
  void guestArgumentsAreQuotedWordByWord() {
    String up = Scripts.up(new Plan(List.of(new Step.StartGuest("g 1", List.of("qemu-system-x86_64", "-name", "g 1")))), "t");
    assertTrue(up.contains("\nstart g_1 qemu-system-x86_64 -name 'g 1'\n"), up);
  }

  @Test
  void noScriptIsWrittenForTwoProcessesThatWouldShareAPidFile() {
    Plan sameName = new Plan(List.of(new Step.StartGuest("web", List.of("qemu-system-x86_64", "-name", "web")),
        new Step.StartGuest("web", List.of("qemu-system-x86_64", "-name", "web"))));
    assertThrows(IllegalArgumentException.class, () -> Scripts.up(sameName, "t"));
    assertThrows(IllegalArgumentException.class, () -> Scripts.down(sameName, "t"));
    Plan sameKey = new Plan(List.of(new Step.StartVdeSwitch("g 1", "/x", false, null),
        new Step.StartGuest("g;1", List.of("qemu-system-x86_64", "-name", "g;1"))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scripts.up(sameKey, "t"));
    assertTrue(e.getMessage().contains("pid.g_1"), e::getMessage);
  }

  @Test
  void guestsStartOnlyOnceTheVdeSwitchMadeItsControlSocket() {
    String up = Scripts.up(new Plan(List.of(new Step.StartVdeSwitch("vde0", "/var/run/qtap-ctl", true, "qtap"),
        new Step.StartGuest("a", List.of("qemu-system-x86_64", "-name", "a")))), "t");
    assertTrue(up.contains("\nstart vde0 vde_switch -hub -tap qtap -sock /var/run/qtap-ctl\n"
        + "wait_socket /var/run/qtap-ctl/ctl vde0\n"), up);
    assertTrue(up.indexOf("wait_socket /var/run") < up.indexOf("start a qemu"), up);
  }

  @Test
  void vdeSwitchGetsATerminalAsStdinBecauseEndOfInputStopsIt() {
    String up = Scripts.up(new Plan(List.of(new Step.StartVdeSwitch("vde0", "/x", false, null))), "t");
    assertTrue(up.contains("if [[ $1 == vde_switch ]]; then input=/dev/ptmx; fi"), up);
  }

  @Test
  void downUndoesUpsCommandsInReverseOrder() {
    Plan plan = new Plan(List.of(new Step.CreateBridge("br0", false), new Step.SetUp("br0"),
        new Step.AddAddress("br0", "192.168.0.1/24")));
    String down = Scripts.down(plan, "t");
    int address = down.indexOf("\nip address del 192.168.0.1/24 dev br0\n");
    int linkDown = down.indexOf("\nip link set dev br0 down\n");
    int delete = down.indexOf("\nip link del dev br0\n");
    assertTrue(address > 0 && address < linkDown && linkDown < delete, down);
  }

  @Test
  void aSysctlOfAnInterfaceWithADotUsesTheSlashForm() {
    String up = Scripts.up(new Plan(List.of(new Step.SetSysctl("net.ipv4.conf.eth0.100.proxy_arp", null, "1"))), "t");
    assertTrue(up.contains("\nsysctl -q -w net/ipv4/conf/eth0.100/proxy_arp=1\n"), up);
  }

  @Test
  void aSysctlWithAKnownPreviousValueIsSetWithoutSaving() {
    String up = Scripts.up(new Plan(List.of(new Step.SetSysctl("net.ipv4.ip_forward", "0", "1"))), "t");
    assertTrue(!up.contains("\nsave_sysctl net.ipv4.ip_forward\n") && up.contains("\nsysctl -q -w net.ipv4.ip_forward=1\n"), up);
  }

  @Test
  void natRulesAreOneRulesetInPatchbaysOwnTable() {
    String up = Scripts.up(new Plan(List.of(new Step.LoadNat("patchbay", List.of(
        new HostSettings.Nat("192.168.0.0/24", "eth0"), new HostSettings.Nat("192.168.1.0/24", "eth0"))))), "t");
    assertTrue(up.contains("table ip patchbay {\n  chain postrouting {\n"
        + "    type nat hook postrouting priority srcnat; policy accept;\n"
        + "    ip saddr 192.168.0.0/24 oifname \"eth0\" masquerade\n"
        + "    ip saddr 192.168.1.0/24 oifname \"eth0\" masquerade\n"), up);
    assertTrue(Scripts.down(new Plan(List.of(new Step.LoadNat("patchbay", List.of()))), "t")
        .contains("\nnft delete table ip patchbay\n"));
  }

  @Test
  void aNatSourceThatIsNotACidrIsRefusedRatherThanWrittenIntoTheRuleset() {
    Plan plan = new Plan(List.of(new Step.LoadNat("patchbay", List.of(new HostSettings.Nat("1.2.3.0/24 accept", "eth0")))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scripts.up(plan, "t"));
    assertTrue(e.getMessage().contains("1.2.3.0/24 accept"), e.getMessage());
  }

  @Test
  void aNatInterfaceWithAQuoteIsRefused() {
    Plan plan = new Plan(List.of(new Step.LoadNat("patchbay", List.of(new HostSettings.Nat("10.0.0.0/8", "et\"h0")))));
    assertThrows(IllegalArgumentException.class, () -> Scripts.up(plan, "t"));
  }

  @Test
  void planTextCountsAddsChangesAndDestroys() {
    Plan plan = new Plan(List.of(new Step.CreateTap("tap0", null), new Step.SetUp("tap0")));
    assertTrue(PlanText.render(plan).endsWith("Plan: 1 to add, 1 to change, 0 to destroy.\n"));
    assertTrue(PlanText.render(plan.reverse()).endsWith("Plan: 0 to add, 1 to change, 1 to destroy.\n"));
    assertEquals("No changes. The host already matches the topology.\n", PlanText.render(new Plan(List.of())));
  }

  @Test
  void aNewlineInANameCannotEndACommentAndStartACommand() {
    String up = Scripts.up(new Plan(List.of(new Step.StartGuest("vm\nreboot", List.of("qemu-system-x86_64")))),
        "lab\nreboot");
    assertTrue(up.lines().noneMatch(l -> l.startsWith("reboot")), up);
  }

  @Test
  void aRouteWithoutDestinationIsRefusedInWordsNotWithANullPointer() {
    Plan plan = new Plan(List.of(new Step.AddRoute(null, null, null)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scripts.up(plan, "t"));
    assertEquals("a host route has no destination", e.getMessage());
  }

  @Test
  void checkRefusesTheHalfWrittenHostSettingsThatTheScriptWouldRefuse() {
    dev.patchbay.model.topology.Topology t = dev.patchbay.model.Samples.load("wifi-proxy-arp.json");
    t.setHost(t.host().withRoutes(List.of(new HostSettings.Route(null, null, null)))
        .withNat(List.of(new HostSettings.Nat(null, "wlp3s0"))));
    List<String> rules = dev.patchbay.model.check.rules.StandardRules.validator().check(t).stream()
        .filter(d -> d.severity() == dev.patchbay.model.check.Severity.ERROR).map(d -> d.rule()).toList();
    assertTrue(rules.contains("route.incomplete") && rules.contains("nat.incomplete"), rules.toString());
  }

  @Test
  void aSwitchWithoutSocketPathGetsAFolderOfItsLabUnderRunMadePrivateFirst() {
    dev.patchbay.model.topology.Topology t = new dev.patchbay.model.topology.Topology("t", "", null);
    t.add(new dev.patchbay.model.topology.VdeSwitch("v", "sw0", null, false), null);
    Plan plan = Planner.modern().forLab("my-lab").full(t);
    String up = Scripts.up(plan, "t");
    assertTrue(up.contains("\nprivate_dir /run/patchbay /run/patchbay/my-lab\n"
        + "start sw0 vde_switch -sock /run/patchbay/my-lab/sw0\n"), up);
    assertTrue(Scripts.down(plan, "t").contains("\nstop sw0 vde_switch\nremove_private_dir /run/patchbay/my-lab/sw0\n"));
  }

  @Test
  void aSwitchWithItsOwnSocketFolderIsStartedThereWithoutAPrivateFolder() {
    String up = Scripts.up(new Plan(List.of(new Step.StartVdeSwitch("vde0", "/var/run/qtap-ctl", true, "qtap"))), "t");
    assertTrue(!up.contains("\nprivate_dir ") && up.contains("\nstart vde0 vde_switch -hub -tap qtap -sock /var/run/qtap-ctl\n"), up);
  }
}
