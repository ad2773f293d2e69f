package dev.patchbay.model.importer.gns3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Gns3ImporterTest {
  private static Guest guest(Topology t, String id) {
    return (Guest) t.element(id).orElseThrow(() -> new AssertionError("no guest " + id + " in " + t.elements()));
  }

  @Test
  void qemuNodesBecomeGuestsWithEachAdaptersModelAndMac() {
    Topology t = Gns3Fixtures.topology("v2-guests-switches.gns3");
    Guest pc1 = guest(t, "PC1");
    assertEquals("x86_64", pc1.arch());
    assertEquals("q35", pc1.machine());
    assertEquals(1024, pc1.memoryMiB());
    assertEquals("debian-12.qcow2", pc1.disk());
    assertEquals(List.of(new Nic("nic0", NicModel.VIRTIO, "0c:aa:bb:cc:dd:00", null),
        new Nic("nic1", NicModel.RTL8139, "0c:aa:bb:cc:dd:10", null)), pc1.nics());
    Guest pc2 = guest(t, "PC2__lab__one");
    assertEquals("i386", pc2.arch());
    assertEquals(512, pc2.memoryMiB());
    assertEquals("0c:aa:bb:cc:ee:01", pc2.nics().get(1).mac(), "adapter N has the base MAC + N");
    assertEquals(NicModel.E1000, pc2.nics().get(0).model(), "e1000e is not a Patchbay model: e1000");
  }

  @Test
  void aCustomAdaptersBadMacIsLeftOutAndTheNicGetsOneOfItsOwnAsInEveryFormat() {
    String text = Gns3Fixtures.file("v2-guests-switches.gns3").text().replace("0c:aa:bb:cc:dd:10", "ff:ff:ff:ff:ff:ff");
    Imported i = Importers.read(List.of(SourceFile.of("x.gns3", text)), "gns3");
    assertEquals("52:54:00:01:00:01", guest(i.topology(), "PC1").nics().get(1).mac(), "not QEMU's one default MAC");
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("'ff:ff:ff:ff:ff:ff' is not a unicast MAC address")
        && w.contains("it gets one of its own")), i.warnings().toString());
  }

  @Test
  void archComesFromQemuPathWhenPlatformIsEmptyAndABadMacIsDroppedWithAWarning() {
    Imported i = Gns3Fixtures.imported("v2-guests-switches.gns3");
    Guest pc3 = guest(i.topology(), "PC3");
    assertEquals("aarch64", pc3.arch());
    assertEquals(256, pc3.memoryMiB(), "GNS3's default RAM");
    assertTrue(pc3.nics().get(0).mac().matches("0c(:[0-9a-f]{2}){4}:00"), "GNS3's kind of default: " + pc3.nics().get(0).mac());
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("'not-a-mac' is not a MAC address")), i.warnings().toString());
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("'e1000e'")), i.warnings().toString());
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("became guest name 'PC2__lab__one'")));
  }

  @Test
  void switchesAndHubsBecomeVdeSwitchesAndTwoVmsWiredStraightGetASocket() {
    Topology t = Gns3Fixtures.topology("v2-guests-switches.gns3");
    assertFalse(((VdeSwitch) t.element("SW1").orElseThrow()).hubMode());
    assertTrue(((VdeSwitch) t.element("HUB1").orElseThrow()).hubMode());
    assertEquals(List.of("HUB1 = PC1:nic1", "PC1:nic0 = SW1", "PC2__lab__one:nic0 = SW1",
        "PC2__lab__one:nic1 = sock0:listen", "PC3:nic0 = sock0:connect"), Gns3Fixtures.wires(t));
  }

  @Test
  void positionsKeepTheirPlacementWithTheTopLeftNodeAt80() {
    Topology t = Gns3Fixtures.topology("v2-guests-switches.gns3");
    assertEquals(new Point(80, 160), t.position("PC1").orElseThrow());
    assertEquals(new Point(280, 80), t.position("SW1").orElseThrow());
    assertEquals(new Point(480, 380), t.position("PC3").orElseThrow());
    assertEquals("Lab <A> & B", t.notes().stream().filter(n -> n.x() == 30 && n.y() == 20).findFirst().orElseThrow().text());
  }

  @Test
  void cloudPortsBecomeTapsBridgesAndTheUplinkEachLinkThroughItsOwnTap() {
    Imported i = Gns3Fixtures.imported("v2-clouds-nat.gns3");
    Topology t = i.topology();
    assertTrue(t.element("tap-lab").orElseThrow() instanceof Tap);
    assertTrue(t.element("br0").orElseThrow() instanceof Bridge);
    assertTrue(t.element("br-eth0").orElseThrow() instanceof Bridge);
    assertEquals(List.of("VM1:nic0 = tap-lab", "VM1:nic1 = tap0", "VM1:nic2 = tap1", "VM2:nic0 = tap2",
        "br-eth0 = eth0", "br-eth0 = tap1", "br0 = tap0", "eth0 = lan", "tap2 = virbr0"), Gns3Fixtures.wires(t));
  }

  @Test
  void natNodeIsLibvirtsBridgeMasqueradedOutOfTheUplink() {
    Topology t = Gns3Fixtures.topology("v2-clouds-nat.gns3");
    assertEquals("192.168.122.1/24", ((Bridge) t.element("virbr0").orElseThrow()).address());
    assertEquals(new HostSettings(true, List.of(new HostSettings.Nat("192.168.122.0/24", "eth0")), List.of(), List.of()),
        t.host());
  }

  @Test
  void aUdpCloudPortAndItsLinkAreSkippedByName() {
    Imported i = Gns3Fixtures.imported("v2-clouds-nat.gns3");
    assertEquals(List.of("Cloud1:UDP tunnel 1", "VM2:1/0 - Cloud1:0/3"), i.skipped().stream().map(Skipped::what).sorted().toList());
    assertTrue(i.topology().note(Importers.NOTE_ID).orElseThrow().text().contains("UDP tunnel"));
  }

  @Test
  void vendorImagesAndOtherEmulatorsAreSkippedWithTheirLinks() {
    Imported i = Gns3Fixtures.imported("v2-vendor.gns3");
    List<String> what = i.skipped().stream().map(s -> s.what() + " (" + s.kind() + ")").toList();
    for (String expected : List.of("R1 (Dynamips router)", "PC-VPCS (VPCS)", "IOU1 (IOU/IOL device)", "web (Docker container)",
        "Win10 (VirtualBox VM)", "ESX (VMware VM)", "FR1 (Frame Relay switch)", "ATM1 (ATM switch)", "TraceNG-1 (TraceNG)",
        "R1:0/0 - SW:0/0 (link)", "vIOS-1:0/0 - SW:0/3 (link)", "R1:0/1 - FR1:0/1 (link)")) {
      assertTrue(what.contains(expected), expected + " in " + what);
    }
    assertTrue(what.stream().anyMatch(w -> w.startsWith("vIOS-1 (QEMU node with a vendor image")), what.toString());
    assertEquals(List.of("SW = linux:nic0"), Gns3Fixtures.wires(i.topology()));
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("VLANs")), "revision 5 'ports' are read: " + i.warnings());
    String note = i.topology().note(Importers.NOTE_ID).orElseThrow().text();
    assertTrue(note.contains("R1 (Dynamips router)") && note.contains("ESX"), note);
  }

  @Test
  void gns3OneXFilesAreReadWithTheirPortsNumberedFromOne() {
    Imported i = Gns3Fixtures.imported("v1-lab.gns3");
    Topology t = i.topology();
    Guest pc1 = guest(t, "PC1");
    assertEquals(List.of("00:00:ab:0e:0f:00", "00:00:ab:0e:0f:01"), pc1.nics().stream().map(Nic::mac).toList());
    assertEquals(NicModel.RTL8139, pc1.nics().get(0).model());
    assertEquals("i386", guest(t, "PC2").arch(), "from qemu-system-i386w.exe");
    assertEquals(List.of("HUB1 = PC2:nic1", "PC1:nic0 = SW1", "PC1:nic1 = tap1", "PC2:nic0 = SW1"), Gns3Fixtures.wires(t));
    assertEquals(List.of("R1", "VPCS1", "VPCS1:0/0 - HUB1:0/1"), i.skipped().stream().map(Skipped::what).sorted().toList());
    assertTrue(t.notes().stream().anyMatch(n -> n.text().equals("old note")));
    assertEquals(new Point(80, 80), t.position("PC1").orElseThrow());
  }

  @Test
  void brokenJsonNamesTheFileAndLine() {
    ImportException e = assertThrows(ImportException.class, () -> Gns3Fixtures.imported("broken.gns3"));
    assertTrue(e.getMessage().startsWith("broken.gns3: line 6,"), e.getMessage());
  }

  @Test
  void aNewerRevisionIsReadWithAWarning() {
    Imported i = Gns3Fixtures.imported("newer.gns3");
    assertEquals(1, i.topology().elementsOf(Guest.class).count());
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("newer GNS3 (file revision 10")), i.warnings().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"ram\": \"lots\"", "\"ram\": -5", "\"adapters\": 100000", "\"hda_disk_image\": \"nbd:evil:10809\""})
  void badPropertyValuesAreRefusedNamingThePlace(String property) {
    String text = "{\"name\":\"x\",\"revision\":9,\"topology\":{\"nodes\":[{\"name\":\"PC1\",\"node_id\":\"a\","
        + "\"node_type\":\"qemu\",\"properties\":{" + property + "}}]}}";
    ImportException e = assertThrows(ImportException.class,
        () -> Importers.read(List.of(SourceFile.of("bad.gns3", text)), "gns3"));
    assertTrue(e.getMessage().startsWith("bad.gns3: topology.nodes[0] ('PC1').properties."), e.getMessage());
  }

  @Test
  void aLinkToANodeTheFileLacksIsRefused() {
    String text = "{\"name\":\"x\",\"revision\":9,\"topology\":{\"nodes\":[],\"links\":[{\"nodes\":["
        + "{\"node_id\":\"a\",\"adapter_number\":0,\"port_number\":0},{\"node_id\":\"b\",\"adapter_number\":0,\"port_number\":0}]}]}}";
    ImportException e = assertThrows(ImportException.class,
        () -> Importers.read(List.of(SourceFile.of("bad.gns3", text)), "gns3"));
    assertTrue(e.getMessage().contains("topology.links[0].nodes[0]: node 'a'"), e.getMessage());
  }

  @Test
  void projectsAreDetectedByContentAndOthersAreNot() {
    for (String name : Gns3Fixtures.PROJECTS) {
      assertEquals("gns3", Importers.detect(Gns3Fixtures.file(name)).orElseThrow().id(), name);
    }
    assertTrue(Importers.detect(SourceFile.of("x.json", "{\"format\":\"patchbay-topology\",\"version\":1}")).isEmpty());
    assertTrue(Importers.detect(SourceFile.of("x.gns3", "not json")).isEmpty());
  }

  @Test
  void entitiesInADrawingsSvgAreNeverExpanded() {
    String svg = "<?xml version=\\\"1.0\\\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \\\"file:///etc/passwd\\\">"
        + "<!ENTITY lol \\\"lol\\\"><!ENTITY lol2 \\\"&lol;&lol;&lol;&lol;\\\">]><svg><text>&xxe; &lol2;</text></svg>";
    String text = "{\"name\":\"x\",\"revision\":9,\"topology\":{\"drawings\":[{\"svg\":\"" + svg
        + "\",\"x\":0,\"y\":0}]}}";
    Topology t = Importers.read(List.of(SourceFile.of("xxe.gns3", text)), "gns3").topology();
    assertEquals(List.of("&xxe; &lol2;"), t.notes().stream().map(n -> n.text()).toList());
  }

  @Test
  void switchesWiredTogetherShareABridgeEachThroughItsOwnTap() {
    Imported i = Gns3Fixtures.imported("v2-switch-chain.gns3");
    assertEquals(List.of("HUB = tap3", "PC1:nic0 = SW1", "PC2:nic0 = SW3", "SW1 = tap0", "SW2 = tap1", "SW3 = tap2",
        "SW4 = tap9", "br-sw0 = tap0", "br-sw0 = tap1", "br-sw0 = tap2", "br-sw0 = tap3"), Gns3Fixtures.wires(i.topology()));
    assertEquals(List.of("SW3:0/2 - SW1:0/3: a second path between switches joined already (a loop)",
        "Cloud:0/0 - SW2:0/2: the switch holds a tap already, and a VDE switch takes one",
        "SW4:0/1 - SW3:0/3: a switch holds a tap already, and a VDE switch takes one"),
        i.skipped().stream().map(s -> s.what() + ": " + s.why()).toList());
  }

  @Test
  void aNodeWithoutMacGetsTheOneGns3MakesFromTheProjectAndNodeIds() {
    String text = "{\"name\":\"x\",\"revision\":9,\"project_id\":\"5f1e0c3a-0000-4000-8000-0000000012ab\","
        + "\"topology\":{\"nodes\":[{\"name\":\"PC1\",\"node_id\":\"0a1b2c3d-0000-4000-8000-00000000cd34\","
        + "\"node_type\":\"qemu\",\"properties\":{\"adapters\":2}}]}}";
    Guest g = (Guest) Importers.read(List.of(SourceFile.of("x.gns3", text)), "gns3").topology().element("PC1").orElseThrow();
    assertEquals(List.of("0c:12:ab:cd:34:00", "0c:12:ab:cd:34:01"), g.nics().stream().map(Nic::mac).toList());
  }

  @Test
  void aNodeIdUsedTwiceIsRefused() {
    String node = "{\"name\":\"PC\",\"node_id\":\"same\",\"node_type\":\"qemu\"}";
    String text = "{\"name\":\"x\",\"revision\":9,\"topology\":{\"nodes\":[" + node + "," + node + "]}}";
    ImportException e = assertThrows(ImportException.class,
        () -> Importers.read(List.of(SourceFile.of("twice.gns3", text)), "gns3"));
    assertEquals("twice.gns3: topology.nodes[1] ('PC'): node id 'same' is used by another node already; links could"
        + " not tell them apart", e.getMessage());
  }

  @Test
  void twoHostInterfacesWiredStraightAreSkipped() {
    String text = "{\"name\":\"x\",\"revision\":9,\"topology\":{\"nodes\":["
        + "{\"name\":\"C\",\"node_id\":\"c\",\"node_type\":\"cloud\",\"properties\":{\"ports_mapping\":["
        + "{\"interface\":\"tap5\",\"name\":\"tap5\",\"port_number\":0,\"type\":\"tap\"}]}},"
        + "{\"name\":\"N\",\"node_id\":\"n\",\"node_type\":\"nat\"}],"
        + "\"links\":[{\"nodes\":[{\"node_id\":\"c\",\"adapter_number\":0,\"port_number\":0},"
        + "{\"node_id\":\"n\",\"adapter_number\":0,\"port_number\":0}]}]}}";
    Imported i = Importers.read(List.of(SourceFile.of("hosts.gns3", text)), "gns3");
    assertEquals(List.of("C:0/0 - N:0/0 (link): two host interfaces wired straight; on the host, enslave both to one"
        + " bridge"), i.skipped().stream().map(Skipped::line).toList());
    assertEquals(List.of("eth0 = lan"), Gns3Fixtures.wires(i.topology()));
  }
}
