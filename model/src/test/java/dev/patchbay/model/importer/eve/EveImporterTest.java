package dev.patchbay.model.importer.eve;

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
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EveImporterTest {

  private static Guest guest(Topology t, String id) {
    return (Guest) t.element(id).orElseThrow(() -> new AssertionError("no element " + id));
  }

  @Test
  void linuxQemuNodesBecomeGuestsWithTheirSettings() {
    Imported i = imported("eve", "linux-bridge.unl");
    Topology t = i.topology();
    assertEquals("Two Linux hosts", t.name());
    Guest g = guest(t, "Linux1");
    assertEquals(2048, g.memoryMiB());
    assertEquals("x86_64", g.arch());
    assertEquals("/opt/unetlab/addons/qemu/linux-ubuntu-22.04/hda.qcow2", g.disk());
    assertEquals(List.of(new Nic("nic0", NicModel.VIRTIO, "50:00:00:01:00:00", null)), g.nics());
    assertEquals(new Point(300, 150), t.position("Linux1").orElseThrow());
  }

  @Test
  void macsCountUpFromFirstmacByInterfaceId() {
    Guest g = guest(imported("eve", "linux-bridge.unl").topology(), "Linux2");
    assertEquals("nic1", g.nics().get(0).name(), "the NIC keeps EVE-NG's interface id");
    assertEquals("50:00:00:02:00:01", g.nics().get(0).mac());
  }

  @Test
  void theTemplatesOldMachineTypeBecomesPcWithAWarning() {
    Imported i = imported("eve", "linux-bridge.unl");
    assertEquals("pc", guest(i.topology(), "Linux1").machine());
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("'pc-1.0'")), i.warnings().toString());
  }

  @Test
  void aWindowsNodeIsAGuestAndAnOddNicModelBecomesE1000WithAWarning() {
    Imported i = imported("eve", "linux-bridge.unl");
    Guest win = guest(i.topology(), "Win_10");
    assertEquals("i386", win.arch());
    assertEquals(NicModel.E1000, win.nics().get(0).model());
    assertTrue(win.nics().get(0).mac().startsWith("52:54:00:01:00:"), "no firstmac: one of the import's own");
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("e1000-82545em")));
    assertEquals("Win_10", win.name());
  }

  @Test
  void aBridgeNetworkIsAVdeSwitchAtItsPositionWithEveryNicOnIt() {
    Topology t = imported("eve", "linux-bridge.unl").topology();
    VdeSwitch net = (VdeSwitch) t.element("Net1").orElseThrow();
    assertFalse(net.hubMode());
    assertEquals(new Point(450, 60), t.position("Net1").orElseThrow());
    assertTrue(linked(t, "Linux1:nic0", "Net1"));
    assertTrue(linked(t, "Linux2:nic1", "Net1"));
    assertTrue(linked(t, "Win_10:nic0", "Net1"));
  }

  @Test
  void textObjectsBecomeNotesWithTheirWordsAndPlace() {
    Imported i = imported("eve", "linux-bridge.unl");
    List<Note> notes = List.copyOf(i.topology().notes());
    assertEquals(new Note("text1", "Core & edge\nping 10.0.0.2 from PC1", 420, 60), notes.get(0));
    assertEquals(new Note("text2", "second <note> here", 30, 500), notes.get(1));
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("1 line object")));
  }

  @Test
  void pnet0IsTheHostBridgeWithTheUplinkAndLanAndEachNicGoesThroughItsOwnTap() {
    Imported i = imported("eve", "clouds.unl");
    Topology t = i.topology();
    Bridge pnet0 = (Bridge) t.element("pnet0").orElseThrow();
    Uplink eth0 = t.elementsOf(Uplink.class).findFirst().orElseThrow();
    assertEquals("eth0", eth0.name());
    assertTrue(linked(t, eth0.id(), pnet0.id()));
    assertTrue(linked(t, eth0.id(), "lan"));
    assertTrue(linked(t, "Jump:nic0", "vunl0_1_0"));
    assertTrue(linked(t, "vunl0_1_0", "pnet0"));
    assertTrue(linked(t, "vunl0_1_2", "pnet0"), "a second Cloud0 on the canvas is the same host bridge");
    assertTrue(linked(t, "vunl0_2_0", "pnet0"));
    assertEquals(1, t.elementsOf(Uplink.class).count());
    assertEquals(new Point(200, 100), t.position("pnet0").orElseThrow());
  }

  @Test
  void otherPnetsAreBridgesOfTheirNameWithAWarning() {
    Imported i = imported("eve", "clouds.unl");
    assertTrue(linked(i.topology(), "vunl0_1_1", "pnet1"));
    assertEquals("pnet1", ((Bridge) i.topology().element("pnet1").orElseThrow()).name());
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("pnet1")));
    assertEquals(4, i.topology().elementsOf(Tap.class).count());
  }

  @Test
  void vendorNodesTheirLinksSerialLinksAndOtherNetworksAreSkippedAndNamed() {
    Imported i = imported("eve", "vendor.unl");
    assertEquals(List.of("OVS1", "NAT", "R1", "link R1:Gi0/0 - Core", "R2", "link R2:fa0/0 - Core", "SW1",
        "link SW1:s0/0 - SW2:s0/0", "SW2", "VPC", "link VPC:eth0 - Access", "dock", "link PC:e1 - OVS1",
        "link PC:e2 - NAT"), i.skipped().stream().map(Skipped::what).toList());
    Skipped r1 = i.skipped().get(2);
    assertEquals("EVE-NG qemu node (template vios)", r1.kind());
    assertTrue(r1.why().contains("vendor"));
    assertEquals("EVE-NG serial link", i.skipped().get(7).kind());
    assertTrue(i.skipped().get(0).why().contains("Open vSwitch"));
    assertEquals(List.of("nic0"), guest(i.topology(), "PC").nics().stream().map(Nic::name).toList());
    String note = i.topology().note(Importers.NOTE_ID).orElseThrow().text();
    assertTrue(note.contains("SW1:s0/0 - SW2:s0/0") && note.contains("R2"), note);
  }

  @ParameterizedTest
  @ValueSource(strings = {"linux-bridge.unl", "clouds.unl", "vendor.unl"})
  void everyImportIsAValidDesignThatSavesAndLoads(String fixture) {
    Topology t = imported("eve", fixture).topology();
    assertEquals(List.of(), Fixtures.errors(t));
    Fixtures.roundTrip(t);
    t.elements().forEach(e -> assertTrue(t.position(e.id()).isPresent(), e.id() + " is placed"));
  }

  @Test
  void brokenXmlNamesTheFileAndLine() {
    ImportException e = assertThrows(ImportException.class, () -> imported("eve", "broken.unl"));
    assertTrue(e.getMessage().startsWith("broken.unl: line 6"), e.getMessage());
  }

  @Test
  void anInterfaceOnAnUndefinedNetworkNamesTheNodeAndNetwork() {
    ImportException e = assertThrows(ImportException.class, () -> imported("eve", "unknown-network.unl"));
    assertEquals("unknown-network.unl: node id=1 (A): an interface names network_id=7, which <networks> does not"
        + " define", e.getMessage());
  }

  @Test
  void aBadRamValueIsRefusedWithItsNode() {
    String text = "<lab name=\"x\"><topology><nodes><node id=\"1\" name=\"A\" type=\"qemu\" template=\"linux\""
        + " image=\"linux-a\" ram=\"-5\"/></nodes></topology></lab>";
    ImportException e = assertThrows(ImportException.class,
        () -> Importers.read(List.of(SourceFile.of("x.unl", text)), "eve"));
    assertEquals("x.unl: node id=1 (A): ram='-5' is not a number from 1 to 1048576", e.getMessage());
  }

  @Test
  void anImageNameThatClimbsOutOfEvesFolderGivesNoDisk() {
    String text = "<lab name=\"x\"><topology><nodes><node id=\"1\" name=\"A\" type=\"qemu\" template=\"linux\""
        + " image=\"../../../etc\" ram=\"512\"/></nodes></topology></lab>";
    Imported i = Importers.read(List.of(SourceFile.of("x.unl", text)), "eve");
    assertNull(guest(i.topology(), "A").disk());
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("'../../../etc'")));
  }

  @Test
  void anInterfaceOnNetworkZeroIsConnectedToNothingAndGetsNoNic() {
    String text = "<lab name=\"x\"><topology><nodes><node id=\"1\" name=\"A\" type=\"qemu\" template=\"linux\""
        + " image=\"linux-a\" ram=\"512\"><interface id=\"0\" name=\"e0\" type=\"ethernet\" network_id=\"0\"/>"
        + "</node></nodes></topology></lab>";
    Imported i = Importers.read(List.of(SourceFile.of("x.unl", text)), "eve");
    assertEquals(List.of(), guest(i.topology(), "A").nics());
  }

  @Test
  void detectionLooksAtTheRootElement() {
    EveImporter eve = new EveImporter();
    assertTrue(eve.recognises(SourceFile.of("lab.xml", "\uFEFF<?xml version=\"1.0\"?>\n<!-- c -->\n<lab name=\"a\"/>")));
    assertFalse(eve.recognises(SourceFile.of("x.unl", "<domain type='kvm'><lab/></domain>")));
    assertFalse(eve.recognises(SourceFile.of("x.unl", "<laboratory/>")));
    assertEquals("eve", Importers.detect(SourceFile.of("a.unl", "<lab name=\"a\"></lab>")).orElseThrow().id());
  }

  @Test
  void notesDecodeHtmlAndFallBackToPlainText() {
    assertEquals("plain words", EveNotes.text(EveNotes.decoded("plain words")));
    assertEquals("a\nb", EveNotes.text("<p>a</p><p>b</p>"));
    assertEquals("\\e[31m", EveNotes.text("\u001b[31m"), "control characters are escaped");
  }
}
