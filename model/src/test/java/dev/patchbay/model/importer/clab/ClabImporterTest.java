package dev.patchbay.model.importer.clab;

import static dev.patchbay.model.importer.Fixtures.imported;
import static dev.patchbay.model.importer.Fixtures.linked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.importer.Fixtures;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClabImporterTest {

  private static Guest guest(Topology t, String id) {
    return (Guest) t.element(id).orElseThrow(() -> new AssertionError("no element " + id));
  }

  private static List<String> skippedNames(Imported i) {
    return i.skipped().stream().map(Skipped::what).toList();
  }

  @Test
  void twoContainersOnAVethBecomeGuestsJoinedByALoopbackSocket() {
    Topology t = imported("clab", "linux-pair.clab.yml").topology();
    assertEquals("pair", t.name());
    Guest client = guest(t, "client");
    assertNull(client.disk(), "a container has no disk: the probe guest stands in");
    assertEquals(List.of("nic0"), client.nics().stream().map(n -> n.name()).toList());
    Socket s = t.elementsOf(Socket.class).findFirst().orElseThrow();
    assertEquals("127.0.0.1", s.host());
    assertEquals(ClabWires.FIRST_PORT, s.port());
    assertTrue(linked(t, "client:nic0", s.id() + ":listen"));
    assertTrue(linked(t, "server:nic0", s.id() + ":connect"));
  }

  @Test
  void graphLabelsArePositionsWhetherQuotedOrNot() {
    Topology t = imported("clab", "linux-pair.clab.yml").topology();
    assertEquals(new Point(120, 300), t.position("client").orElseThrow());
    assertEquals(new Point(480, 300), t.position("server").orElseThrow());
  }

  @Test
  void aBridgeNodeIsAHostBridgeAndEachGuestNicReachesItThroughATapNamedAsTheFileNamesIt() {
    Topology t = imported("clab", "bridge.clab.yml").topology();
    Bridge br = t.elementsOf(Bridge.class).findFirst().orElseThrow();
    assertEquals("br-lab", br.name());
    assertTrue(linked(t, "h1:nic0", "h1-eth1"));
    assertTrue(linked(t, "h1-eth1", "br-lab"));
    assertEquals("h1-eth1", ((Tap) t.element("h1-eth1").orElseThrow()).name());
  }

  @Test
  void interfacesBecomeNicsInNaturalOrder() {
    Topology t = imported("clab", "bridge.clab.yml").topology();
    assertTrue(linked(t, "h2:nic0", "h2-eth1"));
    assertTrue(linked(t, "h2:nic1", "h2-eth2"));
    assertTrue(linked(t, "h2:nic2", "h2-eth10"), "eth10 comes after eth2");
  }

  @Test
  void hostEndpointsInAllThreeSpellingsBecomeTapsWithTheHostInterfaceName() {
    Topology t = imported("clab", "host-links.clab.yml").topology();
    assertTrue(linked(t, "web:nic0", "web-eth1"));
    assertTrue(linked(t, "web:nic1", "web-eth2"));
    assertTrue(linked(t, "web:nic2", "web-eth3"));
    assertEquals("02:00:00:00:00:02", guest(t, "web").nic("nic1").orElseThrow().mac());
    assertFalse(t.contains("myhost"), "the host is not an element");
    assertEquals(0, t.elementsOf(Bridge.class).count());
  }

  @Test
  void vendorNodesAndTheirLinksAreSkippedNamedAndNoted() {
    Imported i = imported("clab", "vendor.clab.yml");
    assertEquals(List.of("srl1", "ceos1", "sros", "ovs", "outside", "link srl1:e1-1 - ceos1:eth1",
        "link srl1:e1-2 - pc:eth1", "link pc:eth2 - ovs:pc-eth2"), skippedNames(i));
    Skipped srl = i.skipped().get(0);
    assertTrue(srl.kind().contains("nokia_srlinux") && srl.kind().contains("ghcr.io/nokia/srlinux:24.3.1"),
        "the image comes from topology.kinds: " + srl.kind());
    assertTrue(srl.why().contains("vendor"));
    assertTrue(i.skipped().get(3).why().contains("Open vSwitch"));
    Topology t = i.topology();
    assertEquals(List.of(), guest(t, "pc").nics(), "a NIC only for an interface that is wired");
    String note = t.note(Importers.NOTE_ID).orElseThrow().text();
    assertTrue(note.contains("srl1") && note.contains("link pc:eth2 - ovs:pc-eth2"), note);
  }

  @Test
  void extendedVethKeepsValidMacsAndDropsAMulticastOneWithAWarning() {
    Imported i = imported("clab", "extended.clab.yml");
    Topology t = i.topology();
    assertEquals("02:00:00:00:0a:01", guest(t, "a").nic("nic0").orElseThrow().mac());
    assertTrue(guest(t, "b").nic("nic0").orElseThrow().mac().startsWith("52:54:00:01:00:"),
        "one of the import's own MACs");
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("01:00:5e:00:00:01")), i.warnings().toString());
  }

  @Test
  void macvlanOnAHostNicBecomesTheUplinkBridgedWithTheGuestsTaps() {
    Imported i = imported("clab", "extended.clab.yml");
    Topology t = i.topology();
    Uplink up = t.elementsOf(Uplink.class).findFirst().orElseThrow();
    assertEquals("enp0s3", up.name());
    Bridge br = t.elementsOf(Bridge.class).findFirst().orElseThrow();
    assertTrue(linked(t, up.id(), br.id()));
    assertTrue(linked(t, up.id(), "lan"));
    assertEquals(2, t.linksOf(br.id()).size() - 1, "both macvlan links, extended and short, share the bridge");
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("macvlan")));
  }

  @Test
  void managementVxlanAndDummyLinksAreSkippedWithWhatToUseInstead() {
    Imported i = imported("clab", "extended.clab.yml");
    List<Skipped> links = i.skipped();
    assertEquals(List.of("link a:eth2 - mgmt-net:a-eth2", "link a:eth3", "link b:eth9"),
        links.stream().map(Skipped::what).toList());
    assertTrue(links.get(0).why().contains("management"));
    assertTrue(links.get(1).why().contains("socket"));
    assertEquals(List.of("nic0", "nic1"), guest(i.topology(), "a").nics().stream().map(n -> n.name()).toList(),
        "eth1 and eth4; the skipped eth2 and eth3 get no NIC");
  }

  @Test
  void plainVmKindsAreGuestsWithMemoryAndNoDisk() {
    Imported i = imported("clab", "vm-kinds.clab.yml");
    Topology t = i.topology();
    assertEquals(1024, guest(t, "vm1").memoryMiB());
    assertEquals(512, guest(t, "bsd").memoryMiB());
    assertEquals(256, guest(t, "tiny").memoryMiB());
    assertNull(guest(t, "vm1").disk());
    assertTrue(i.warnings().stream().anyMatch(w -> w.startsWith("vm1:") && w.contains("vrnetlab/generic_vm")));
    assertEquals(2, t.elementsOf(Socket.class).count());
  }

  @Test
  void anchorsAliasesAndMergeKeysAreExpanded() {
    Imported i = imported("clab", "anchors.clab.yml");
    Topology t = i.topology();
    assertEquals(new Point(10, 20), t.position("n1").orElseThrow(), "labels: &pos");
    // n2's labels are the alias *pos: the same spot, so the import moves it straight down off n1
    assertEquals(10, t.position("n2").orElseThrow().x(), "labels: *pos");
    assertTrue(t.position("n2").orElseThrow().y() > 20, "not on top of n1");
    assertTrue(i.warnings().stream().anyMatch(w -> w.startsWith("n1:") && w.contains("alpine:3.20")));
    assertTrue(i.warnings().stream().anyMatch(w -> w.startsWith("n2:") && w.contains("debian:12")),
        "the node's own key wins over the merged one");
  }

  @Test
  void groupsAndKindsGiveSettingsAndTheNodesOwnWin() {
    Imported i = imported("clab", "groups.clab.yml");
    Topology t = i.topology();
    assertEquals(2048, guest(t, "s1").memoryMiB(), "memory from the group");
    assertEquals(256, guest(t, "s2").memoryMiB(), "the node's own memory");
    assertEquals(new Point(50, 200), t.position("s1").orElseThrow(), "x from the group, y from the kind");
    assertEquals(new Point(350, 200), t.position("s2").orElseThrow());
    assertTrue(i.warnings().stream().anyMatch(w -> w.startsWith("s1:") && w.contains("ubuntu:24.04")));
    assertEquals("containerlab node of kind nokia_srlinux (type ixrd3), image ghcr.io/nokia/srlinux",
        i.skipped().get(0).kind());
  }

  @ParameterizedTest
  @ValueSource(strings = {"groups.clab.yml", "linux-pair.clab.yml", "bridge.clab.yml", "host-links.clab.yml", "vendor.clab.yml",
      "extended.clab.yml", "vm-kinds.clab.yml", "anchors.clab.yml"})
  void everyImportIsAValidDesignThatSavesAndLoads(String fixture) {
    Topology t = imported("clab", fixture).topology();
    assertEquals(List.of(), Fixtures.errors(t));
    Fixtures.roundTrip(t);
    t.elements().forEach(e -> assertTrue(t.position(e.id()).isPresent(), e.id() + " is placed"));
  }

  @Test
  void anAliasBombIsRefusedNotExpanded() {
    ImportException e = assertThrows(ImportException.class, () -> imported("clab", "alias-bomb.clab.yml"));
    assertTrue(e.getMessage().startsWith("alias-bomb.clab.yml: line "), e.getMessage());
    assertTrue(e.getMessage().contains("alias"), e.getMessage());
  }

  @Test
  void aHugeDocumentIsRefused() {
    String big = "name: big\ntopology:\n  nodes:\n    n1:\n      kind: linux\n      image: \""
        + "x".repeat(YamlTree.MAX_BYTES) + "\"\n";
    ImportException e = assertThrows(ImportException.class,
        () -> Importers.read(List.of(SourceFile.of("big.clab.yml", big)), "clab"));
    assertTrue(e.getMessage().startsWith("big.clab.yml: ") && e.getMessage().contains("refused"), e.getMessage());
  }

  @Test
  void brokenYamlNamesTheFileAndLine() {
    ImportException e = assertThrows(ImportException.class, () -> imported("clab", "broken.clab.yml"));
    assertEquals("broken.clab.yml: line 6, column 6: not valid YAML: while parsing a block mapping; expected"
        + " <block end>, but found '<block mapping start>'", e.getMessage());
  }

  @Test
  void anEndpointOnAnUndefinedNodeNamesThePlace() {
    ImportException e = assertThrows(ImportException.class, () -> imported("clab", "unknown-node.clab.yml"));
    assertEquals("unknown-node.clab.yml: topology.links[0].endpoints[1]: the node 'r9', which topology.nodes does"
        + " not define; expected a node of topology.nodes", e.getMessage());
  }

  @Test
  void aMappingWhereAValueBelongsIsRefusedWithItsPath() {
    String text = "name: x\ntopology:\n  nodes:\n    n1:\n      kind: {a: b}\n";
    ImportException e = assertThrows(ImportException.class,
        () -> Importers.read(List.of(SourceFile.of("x.clab.yml", text)), "clab"));
    assertTrue(e.getMessage().startsWith("x.clab.yml: topology.nodes.n1.kind: a mapping"), e.getMessage());
  }

  @Test
  void aBadMemorySizeIsRefusedWithItsPath() {
    String text = "name: x\ntopology:\n  nodes:\n    n1:\n      kind: linux\n      memory: lots\n";
    ImportException e = assertThrows(ImportException.class,
        () -> Importers.read(List.of(SourceFile.of("x.clab.yml", text)), "clab"));
    assertTrue(e.getMessage().startsWith("x.clab.yml: topology.nodes.n1.memory: 'lots'"), e.getMessage());
  }

  @Test
  void hostileNodeNamesBecomeSafeIdsAndProcessNames() {
    String text = "name: x\ntopology:\n  nodes:\n    \"../r1 $(reboot)\":\n      kind: linux\n"
        + "  links:\n    - endpoints: [\"../r1 $(reboot):eth1\", \"host:a-very-long-interface-name\"]\n";
    Imported i = Importers.read(List.of(SourceFile.of("x.clab.yml", text)), "clab");
    Guest g = i.topology().elementsOf(Guest.class).findFirst().orElseThrow();
    assertEquals(".._r1___reboot_", g.id());
    Tap tap = i.topology().elementsOf(Tap.class).findFirst().orElseThrow();
    assertTrue(tap.name().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 15, tap.name());
    assertEquals(List.of(), Fixtures.errors(i.topology()));
  }

  @Test
  void detectionByContentFindsATopologyUnderAPlainYamlName() {
    SourceFile plain = SourceFile.of("lab.yml", "name: x\ntopology:\n  nodes:\n    n1:\n      kind: linux\n");
    assertEquals("clab", Importers.detect(plain).orElseThrow().id());
    assertTrue(Importers.detect(SourceFile.of("other.yml", "name: x\nitems: []\n")).isEmpty());
    assertTrue(new ClabImporter().recognises(SourceFile.of("x.clab.yaml", "")));
  }

  @Test
  void naturalOrderComparesDigitRunsAsNumbers() {
    assertTrue(ClabBuilder.natural("eth2", "eth10") < 0);
    assertTrue(ClabBuilder.natural("e1-2", "e1-10") < 0);
    assertTrue(ClabBuilder.natural("eth1", "lan0") < 0);
  }
}
