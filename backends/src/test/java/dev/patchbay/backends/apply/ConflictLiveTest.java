package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interface (or table) of a name the design needs that is not the lab's is a conflict reported
 * before any step, never adopted: the up is refused, nothing changes, and the message names every
 * such object with what holds it and what to do.
 */
@Tag("live")
class ConflictLiveTest {
  @TempDir
  Path state;
  private TestNamespace ns;
  private final String lab = LabFixture.uniqueLab();

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
  void aVethNamedLikeTheLabsBridgeIsAConflictAndItAndItsPeerKeepTheirAlias() throws Exception {
    ip("link", "add", "br0", "type", "veth", "peer", "name", "br0peer");
    ip("link", "set", "br0", "alias", "the user's veth");
    ip("link", "set", "br0peer", "alias", "its peer");
    String before = LabFixture.snapshot(ns.name());

    ConflictCheck.Found e = assertThrows(ConflictCheck.Found.class, () -> up("nat-bridge.json"));

    assertEquals("lab " + lab + " was not applied to network namespace " + ns.name() + ": 1 object(s) it needs are"
        + " there already and not the lab's; no step ran:\n  - bridge br0: a veth named br0 (alias 'the user's veth')"
        + " is there already; rename br0 in the design, or remove that veth", e.getMessage());
    assertEquals(before, LabFixture.snapshot(ns.name()));
    assertEquals("the user's veth", ns.ipLink("br0").path("ifalias").asText());
    assertEquals("its peer", ns.ipLink("br0peer").path("ifalias").asText());
    assertTrue(new Labs(state).list().isEmpty(), "a refused first up leaves no lab behind");
  }

  @Test
  void aUsersOwnTunNamedLikeTheLabsTapIsNotAdoptedAndKeepsItsQdiscFlagsAndVnetHdr() throws Exception {
    ip("tuntap", "add", "dev", "tap1", "mode", "tap", "vnet_hdr");
    ip("link", "set", "tap1", "up");
    TestNamespace.run(List.of("tc", "-n", ns.name(), "qdisc", "add", "dev", "tap1", "root", "tbf", "rate", "1mbit",
        "burst", "32kbit", "latency", "400ms"));
    String link = ipOut("-d", "link", "show", "dev", "tap1");
    String qdiscs = TestNamespace.run(List.of("tc", "-n", ns.name(), "qdisc", "show"));
    String before = LabFixture.snapshot(ns.name());
    assertTrue(link.contains("vnet_hdr on"), link);

    ConflictCheck.Found e = assertThrows(ConflictCheck.Found.class, () -> up("nat-bridge.json"));

    assertEquals(List.of("tap tap1"), e.conflicts().stream().map(ConflictCheck.Conflict::object).toList());
    assertTrue(e.getMessage().endsWith("tap tap1: a tun/tap device named tap1 (no alias) is there already;"
        + " rename tap1 in the design, or remove that tun/tap device"), e.getMessage());
    assertEquals(link, ipOut("-d", "link", "show", "dev", "tap1"));
    assertEquals(qdiscs, TestNamespace.run(List.of("tc", "-n", ns.name(), "qdisc", "show")));
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  @Test
  void everyConflictIsNamedInOneMessage() throws Exception {
    ip("link", "add", "tap0", "type", "bridge");
    ip("link", "add", "br0", "type", "veth", "peer", "name", "br0peer");
    ip("link", "set", "br0", "alias", Marker.PREFIX + "another-lab");
    TestNamespace.run(List.of("ip", "netns", "exec", ns.name(), "nft", "add", "table", "ip",
        dev.patchbay.model.plan.Planner.natTable(lab)));
    String before = LabFixture.snapshot(ns.name());

    ConflictCheck.Found e = assertThrows(ConflictCheck.Found.class, () -> up("nat-bridge.json"));

    assertEquals(List.of("tap tap0", "bridge br0", "nft table ip " + dev.patchbay.model.plan.Planner.natTable(lab)),
        e.conflicts().stream().map(ConflictCheck.Conflict::object).toList());
    assertTrue(e.getMessage().contains("a bridge named tap0 (no alias)"), e.getMessage());
    assertTrue(e.getMessage().contains("a veth named br0 (marked for lab another-lab)"), e.getMessage());
    assertTrue(e.getMessage().contains("journal did not make it"), e.getMessage());
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  @Test
  void anUplinkThatIsAPortOfTheUsersBridgeIsNotTakenAway() throws Exception {
    ip("link", "add", "ubr0", "type", "bridge");
    ip("link", "set", "eth0", "master", "ubr0");
    String before = LabFixture.snapshot(ns.name());

    ConflictCheck.Found e = assertThrows(ConflictCheck.Found.class, () -> up("bridged-lan.json"));

    assertEquals(List.of("interface eth0"), e.conflicts().stream().map(ConflictCheck.Conflict::object).toList());
    assertTrue(e.getMessage().contains("it is a port of bridge ubr0, which is not this lab's"), e.getMessage());
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  @Test
  void anUplinkThatIsNotThereIsReportedBeforeAnyStepInsteadOfFailingHalfway() throws Exception {
    ip("link", "del", "wlp3s0");
    String before = LabFixture.snapshot(ns.name());

    ConflictCheck.Found e = assertThrows(ConflictCheck.Found.class, () -> up("wifi-proxy-arp.json"));

    assertEquals(List.of("interface wlp3s0"), e.conflicts().stream().map(ConflictCheck.Conflict::object).toList());
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  private void up(String sample) throws Exception {
    new Labs(state).up(LabFixture.sample(sample), lab, TargetSpec.netns(ns.name()), 0, sample);
  }

  private void ip(String... args) throws IOException {
    TestNamespace.run(command(args));
  }

  private String ipOut(String... args) throws IOException {
    return TestNamespace.run(command(args));
  }

  private List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of("ip", "-n", ns.name()));
    command.addAll(List.of(args));
    return command;
  }
}
