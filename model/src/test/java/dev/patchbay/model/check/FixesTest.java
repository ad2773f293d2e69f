package dev.patchbay.model.check;

import static dev.patchbay.model.Edits.change;
import static dev.patchbay.model.Edits.link;
import static dev.patchbay.model.Edits.nic;
import static dev.patchbay.model.Edits.unlink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.reach.Reachability;
import dev.patchbay.model.reach.Segments;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the mechanical fixes produce, beyond making their finding go away. */
class FixesTest {
  private static void applyFix(Topology t, String rule) {
    Fix fix = StandardRules.validator().check(t).stream().filter(d -> d.rule().equals(rule))
        .flatMap(d -> d.mechanicalFix().stream()).findFirst().orElseThrow();
    new CommandStack(t).push(fix.command(t));
  }

  @Test
  void freshMacIsUniqueAndInQemusRange() {
    Topology t = Samples.load("nat-routing.json");
    nic(t, "guest2", "nic0", n -> n.withMac("52:54:00:00:00:10"));
    applyFix(t, "mac.duplicate");
    String mac = ((Guest) t.element("guest2").orElseThrow()).nic("nic0").map(Nic::mac).orElseThrow();
    assertTrue(mac.startsWith("52:54:00:"), mac);
    assertTrue(!mac.equals("52:54:00:00:00:10") && !mac.equals("52:54:00:12:34:56"), mac);
  }

  @Test
  void ownTapJoinsTheSharedTapsBridge() {
    Topology t = Samples.load("nat-bridge.json");
    unlink(t, "l5");
    link(t, "x1", "guest2:nic0", "tap0");
    applyFix(t, "tap.shared");
    Segments s = Segments.of(t);
    assertTrue(s.together("guest2:nic0", "br0"));
    assertEquals(Reachability.Verdict.YES,
        Reachability.find(Reachability.of(t), "guest1", "guest2").orElseThrow().verdict());
  }

  @Test
  void userNetMovesToAFreeSubnetKeepingSlirpsLayout() {
    Topology t = Samples.load("user-net-hostfwd.json");
    change(t, "user0", UserNet.class, u -> new UserNet(u.id(), u.name(), "192.168.1.0/24", "192.168.1.2",
        "192.168.1.3", "192.168.1.15", u.hostfwd()));
    applyFix(t, "usernet.overlaps-lan");
    UserNet u = (UserNet) t.element("user0").orElseThrow();
    assertEquals(List.of("10.0.3.0/24", "10.0.3.2", "10.0.3.3", "10.0.3.15"),
        List.of(u.net(), u.host(), u.dns(), u.dhcpStart()));
  }

  @Test
  void privilegedForwardMovesToSeed001sStylePort() {
    Topology t = Samples.load("user-net-hostfwd.json");
    change(t, "user0", UserNet.class, u -> u.withHostfwd(List.of(new HostForward(HostForward.Protocol.TCP, null, 22, null, 22))));
    applyFix(t, "hostfwd.privileged");
    assertEquals(5022, ((UserNet) t.element("user0").orElseThrow()).hostfwd().get(0).hostPort());
  }

  @Test
  void forwardingFixIsOneUndoStep() {
    Topology t = Samples.load("routed-tun.json");
    t.setHost(t.host().withIpForward(false));
    CommandStack stack = new CommandStack(t);
    Fix fix = StandardRules.validator().check(t).get(0).mechanicalFix().orElseThrow();
    stack.push(fix.command(t));
    assertTrue(t.host().ipForward());
    stack.undo();
    assertTrue(!t.host().ipForward() && !stack.canUndo());
  }

  /** A NIC renamed to smuggle netdev options keeps its cable: the fix renames it and moves its link along. */
  @Test
  void nicRenameMovesItsLinkToTheNewName() {
    Topology t = Samples.load("mcast-three-guests.json");
    unlink(t, "l2");
    change(t, "guestC", Guest.class, g -> g.withNics(List.of(new Nic("n,helper=/x", g.nics().get(0).model(),
        g.nics().get(0).mac(), g.nics().get(0).ip()))));
    link(t, "l2", "guestC:n,helper=/x", "bus");
    List<String> before = messages(t);
    CommandStack stack = new CommandStack(t);
    Fix fix = fixOf(t, "qemu.nic-name");
    stack.push(fix.command(t));
    assertEquals("Rename NIC 'n,helper=/x' of guestC to nic0", fix.description());
    assertEquals("guestC:nic0", t.link("l2").orElseThrow().a().toString());
    assertEquals(messages(Samples.load("mcast-three-guests.json")), messages(t), "the NIC is renamed and still wired");
    stack.undo();
    assertEquals(before, messages(t));
    assertEquals("guestC:n,helper=/x", t.link("l2").orElseThrow().a().toString());
  }

  /** The name the user typed, made plain: a run folder gets no leading dots, and no two processes share one. */
  @Test
  void processNamesBecomePlainAndUnique() {
    Topology t = Samples.load("vde-switch.json");
    change(t, "vde0", VdeSwitch.class, v -> new VdeSwitch(v.id(), "../../etc", v.socketPath(), v.hubMode()));
    applyFix(t, "vde.name");
    assertEquals("etc", t.element("vde0").orElseThrow().name());
    Topology clash = Samples.load("routed-subnets.json");
    change(clash, "guest1", Guest.class, g -> g.withIdentity(g.id(), "vm_1"));
    change(clash, "guest2", Guest.class, g -> g.withIdentity(g.id(), "vm;1"));
    applyFix(clash, "qemu.name-clash");
    assertEquals("vm_1-2", clash.element("guest2").orElseThrow().name());
    assertEquals(rules(Samples.load("routed-subnets.json")), rules(clash), "only the intact sample's findings are left");
  }

  /** A broadcast (or network) address moves inside its own subnet, to an address nobody has. */
  @Test
  void networkOrBroadcastAddressMovesToAFreeOneOfItsSubnet() {
    Topology t = Samples.load("nat-routing.json");
    dev.patchbay.model.Edits.address(t, "guest2", "nic0", "192.168.1.255/24");
    applyFix(t, "addr.network-or-broadcast");
    String now = ((Guest) t.element("guest2").orElseThrow()).nic("nic0").orElseThrow().ip().address();
    assertEquals("192.168.1.2/24", now, "192.168.1.1 is the host's tap");
    assertEquals(messages(Samples.load("nat-routing.json")).size(), messages(t).size());
  }

  private static Fix fixOf(Topology t, String rule) {
    return StandardRules.validator().check(t).stream().filter(d -> d.rule().equals(rule))
        .flatMap(d -> d.mechanicalFix().stream()).findFirst().orElseThrow(() -> new AssertionError("no fix for " + rule));
  }

  private static List<String> rules(Topology t) {
    return StandardRules.validator().check(t).stream().map(Diagnostic::rule).toList();
  }

  private static List<String> messages(Topology t) {
    return StandardRules.validator().check(t).stream().map(d -> d.rule() + ": " + d.message()).toList();
  }
}
