package dev.patchbay.app.designer.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.UserNet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PropertiesViewModelTest {
  private final DocumentViewModel doc = new DocumentViewModel();
  private final CanvasViewModel canvas = new CanvasViewModel(doc, new Random(3));
  private final PropertiesViewModel vm = new PropertiesViewModel(doc, canvas);

  private PropertyField field(String name) {
    return vm.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  private Guest guest(String id) {
    return (Guest) doc.topology().element(id).orElseThrow();
  }

  @Test
  void selectingOneElementShowsItsFields() {
    canvas.addElement(ElementKind.GUEST, new Point(0, 0));
    assertTrue(vm.fields().stream().anyMatch(f -> f.name().equals("nic0 MAC")));
  }

  @Test
  void selectingManyAtOnceNeverBuildsTheFieldsOfTheFirstOne() {
    String a = canvas.addElement(ElementKind.GUEST, new Point(0, 0)).id();
    String b = canvas.addElement(ElementKind.HUB, new Point(200, 0)).id();
    canvas.selection().clear();
    int[] rebuilt = {0};
    vm.fields().addListener((javafx.collections.ListChangeListener<PropertyField>) c -> rebuilt[0]++);
    canvas.selection().selectAll(java.util.List.of(a, b));
    assertEquals(0, rebuilt[0], "two ids selected in one step: no element's fields shown on the way");
    assertTrue(vm.fields().isEmpty());
  }

  @Test
  void theSelectionTellsItsListenersOncePerChangeNotOncePerId() {
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(canvas.addElement(ElementKind.HUB, new Point(200 * i, 0)).id());
    }
    int[] heard = {0};
    canvas.selection().addChangeListener(() -> heard[0]++);
    canvas.selection().selectAll(ids);
    canvas.selection().toggle(ids.get(0));
    canvas.selection().clear();
    canvas.selection().clear();
    assertEquals(3, heard[0], "selectAll, toggle and the first clear; clearing an empty selection changes nothing");
  }

  /** Runs an edit, then checks undo restores the file text before it and redo the one after. */
  private void assertUndoRedo(Runnable edit) {
    String before = TopologyFiles.toJson(doc.topology());
    edit.run();
    String after = TopologyFiles.toJson(doc.topology());
    org.junit.jupiter.api.Assertions.assertNotEquals(before, after, "the edit changed nothing");
    doc.undo();
    assertEquals(before, TopologyFiles.toJson(doc.topology()));
    doc.redo();
    assertEquals(after, TopologyFiles.toJson(doc.topology()));
  }

  @Test
  void everyPanelEditUndoesAndRedoesExactly() {
    Guest g = (Guest) canvas.addElement(ElementKind.GUEST, new Point(0, 0));
    assertUndoRedo(() -> vm.commit(field("Name"), "web"));
    assertUndoRedo(() -> vm.commit(field("Memory (MiB)"), "256"));
    assertUndoRedo(() -> vm.commit(field("nic0 model"), NicModel.RTL8139));
    assertUndoRedo(() -> vm.commit(field("nic0 addressing"), "dhcp"));
    assertUndoRedo(vm::addNic);
    assertUndoRedo(() -> vm.removeNic("nic1"));
    canvas.addElement(ElementKind.BRIDGE, new Point(300, 0));
    assertUndoRedo(() -> vm.commit(field("Spanning tree (STP)"), true));
    canvas.addElement(ElementKind.SOCKET, new Point(300, 200));
    assertUndoRedo(() -> vm.commit(field("Transport"), "dgram"));
    assertEquals("web", guest(g.id()).name());
  }

  @Test
  void theHeaderSaysWhatIsSelected() {
    assertEquals("Select one element to edit it", vm.headerProperty().get());
    Element a = canvas.addElement(ElementKind.HUB, new Point(0, 0));
    assertEquals("Hub (QEMU vlan)  " + a.id(), vm.headerProperty().get());
    canvas.selectAll();
    canvas.addElement(ElementKind.TAP, new Point(0, 0));
    canvas.selectAll();
    assertEquals("2 items selected: select one to edit it", vm.headerProperty().get());
    assertTrue(vm.fields().isEmpty());
  }

  @Test
  void aMacEditIsOneUndoableCommand() {
    Guest g = (Guest) canvas.addElement(ElementKind.GUEST, new Point(0, 0));
    String before = g.nics().get(0).mac();
    assertTrue(vm.commit(field("nic0 MAC"), "52:54:00:aa:bb:cc"));
    assertEquals("52:54:00:aa:bb:cc", guest(g.id()).nics().get(0).mac());
    doc.undo();
    assertEquals(before, guest(g.id()).nics().get(0).mac());
    doc.redo();
    assertEquals("52:54:00:aa:bb:cc", guest(g.id()).nics().get(0).mac());
  }

  @Test
  void anInvalidValueIsNotCommitted() {
    canvas.addElement(ElementKind.GUEST, new Point(0, 0));
    String before = TopologyFiles.toJson(doc.topology());
    assertFalse(vm.commit(field("nic0 address"), "192.168.0.300/24"));
    assertFalse(vm.commit(field("nic0 MAC"), "53:54:00:00:00:01"));
    assertEquals(before, TopologyFiles.toJson(doc.topology()));
  }

  @Test
  void interfaceNamesFollowTheKernelsRules() {
    canvas.addElement(ElementKind.TAP, new Point(0, 0));
    assertTrue(vm.problem(field("Name"), "a-name-far-too-long").isPresent());
    assertTrue(vm.problem(field("Name"), "tap 1").isPresent());
    assertTrue(vm.problem(field("Name"), "tap1").isEmpty());
  }

  @Test
  void nicModelAndAddressingAreEditable() {
    Guest g = (Guest) canvas.addElement(ElementKind.GUEST, new Point(0, 0));
    vm.commit(field("nic0 model"), NicModel.VIRTIO);
    vm.commit(field("nic0 addressing"), "static");
    vm.commit(field("nic0 address"), "192.168.0.10/24");
    assertEquals(NicModel.VIRTIO, guest(g.id()).nics().get(0).model());
    assertEquals("192.168.0.10/24", guest(g.id()).nics().get(0).ip().address());
  }

  @Test
  void addAndRemoveNicAreUndoable() {
    Guest g = (Guest) canvas.addElement(ElementKind.GUEST, new Point(0, 0));
    vm.addNic();
    assertEquals(List.of("nic0", "nic1"), guest(g.id()).nics().stream().map(n -> n.name()).toList());
    assertTrue(vm.fields().stream().anyMatch(f -> f.name().equals("nic1 MAC")));
    assertTrue(vm.removeNic("nic0").isEmpty());
    assertEquals(List.of("nic1"), guest(g.id()).nics().stream().map(n -> n.name()).toList());
    doc.undo();
    doc.undo();
    assertEquals(1, guest(g.id()).nics().size());
  }

  @Test
  void aWiredNicCannotBeRemoved() {
    Guest g = (Guest) canvas.addElement(ElementKind.GUEST, new Point(0, 0));
    Element hub = canvas.addElement(ElementKind.HUB, new Point(300, 0));
    canvas.connect(Endpoint.of(g.id(), "nic0"), Endpoint.of(hub.id()));
    canvas.selection().select(g.id());
    assertTrue(vm.removeNic("nic0").orElseThrow().contains("wired"));
  }

  @Test
  void hostForwardsAreEditedAsAList() {
    UserNet u = (UserNet) canvas.addElement(ElementKind.USER, new Point(0, 0));
    HostForward ssh = RuleFormats.hostForward("tcp::5022-:22").value();
    assertTrue(vm.commit(field("hostfwd"), List.of(ssh)));
    assertEquals(List.of(ssh), ((UserNet) doc.topology().element(u.id()).orElseThrow()).hostfwd());
  }

  @Test
  void generatedMacsAreUnicastAndUnused() {
    Guest g = (Guest) canvas.addElement(ElementKind.GUEST, new Point(0, 0));
    String mac = vm.generateMac();
    assertTrue(ValueChecks.problem(EditorKind.MAC, mac).isEmpty());
    assertFalse(mac.equals(g.nics().get(0).mac()));
  }
}
