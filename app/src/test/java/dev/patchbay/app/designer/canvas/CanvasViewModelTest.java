package dev.patchbay.app.designer.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Point;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CanvasViewModelTest {
  private final DocumentViewModel doc = new DocumentViewModel();
  private final CanvasViewModel vm = new CanvasViewModel(doc, new Random(1));

  /** Runs an edit, then checks undo restores the file text before it and redo the one after. */
  private void assertUndoRedo(Runnable edit) {
    assertUndoRedo(doc, edit);
  }

  /** The same for any document: the note edits' test uses it too. */
  static void assertUndoRedo(DocumentViewModel doc, Runnable edit) {
    String before = TopologyFiles.toJson(doc.topology());
    edit.run();
    String after = TopologyFiles.toJson(doc.topology());
    assertNotEquals(before, after, "the edit changed nothing");
    doc.undo();
    assertEquals(before, TopologyFiles.toJson(doc.topology()));
    doc.redo();
    assertEquals(after, TopologyFiles.toJson(doc.topology()));
  }

  @ParameterizedTest
  @EnumSource(ElementKind.class)
  void paletteDropOfEveryKindIsOneUndoableStep(ElementKind kind) {
    assertUndoRedo(() -> vm.addElement(kind, new Point(100, 100)));
    assertEquals(1, doc.topology().elements().size());
  }

  @Test
  void dropsSnapToTheGridAndAvoidEachOther() {
    Element a = vm.addElement(ElementKind.HUB, new Point(103, 97));
    Element b = vm.addElement(ElementKind.HUB, new Point(103, 97));
    assertEquals(new Point(100, 100), doc.topology().position(a.id()).orElseThrow());
    Point pb = doc.topology().position(b.id()).orElseThrow();
    assertTrue(pb.y() >= 100 + NodeGeometry.DEVICE_HEIGHT, "second hub overlaps the first: " + pb);
  }

  @Test
  void newGuestsGetDistinctMacsAndNames() {
    Guest a = (Guest) vm.addElement(ElementKind.GUEST, new Point(0, 0));
    Guest b = (Guest) vm.addElement(ElementKind.GUEST, new Point(0, 0));
    assertNotEquals(a.name(), b.name());
    assertNotEquals(a.nics().get(0).mac(), b.nics().get(0).mac());
  }

  @Test
  void wiringIsOneUndoableStep() {
    Guest g = (Guest) vm.addElement(ElementKind.GUEST, new Point(0, 0));
    Element hub = vm.addElement(ElementKind.HUB, new Point(300, 0));
    assertUndoRedo(() -> assertTrue(vm.connect(Endpoint.of(g.id(), "nic0"), Endpoint.of(hub.id()))));
  }

  @Test
  void aRefusedWireExplainsWhyInTheStatusAndChangesNothing() {
    Guest g = (Guest) vm.addElement(ElementKind.GUEST, new Point(0, 0));
    Element br = vm.addElement(ElementKind.BRIDGE, new Point(300, 0));
    String before = TopologyFiles.toJson(doc.topology());
    assertFalse(vm.connect(Endpoint.of(g.id(), "nic0"), Endpoint.of(br.id())));
    assertTrue(vm.statusProperty().get().contains("put a tap between them"), vm.statusProperty().get());
    assertEquals(before, TopologyFiles.toJson(doc.topology()));
  }

  @Test
  void aDragMoveIsOneSnappedStep() {
    Element hub = vm.addElement(ElementKind.HUB, new Point(100, 100));
    assertUndoRedo(() -> vm.moveBy(Set.of(hub.id()), 47, 12));
    assertEquals(new Point(140, 120), doc.topology().position(hub.id()).orElseThrow());
  }

  @Test
  void anElementSavedWithoutAPlaceCanBeMovedFromWhereItIsDrawn() {
    doc.push(new dev.patchbay.model.edit.AddElementCommand(new dev.patchbay.model.topology.Hub("hub0", "hub0", 0), null));
    Point drawn = Positions.of(doc.topology(), "hub0");
    vm.moveBy(Set.of("hub0"), 40, 20);
    assertEquals(drawn.translate(40, 20), doc.topology().position("hub0").orElseThrow());
    doc.undo();
    assertEquals(drawn, Positions.of(doc.topology(), "hub0"));
  }

  @Test
  void withSnapOffADragLandsExactly() {
    Element hub = vm.addElement(ElementKind.HUB, new Point(100, 100));
    vm.snapToGridProperty().set(false);
    vm.moveBy(Set.of(hub.id()), 7, 3);
    assertEquals(new Point(107, 103), doc.topology().position(hub.id()).orElseThrow());
  }

  @Test
  void repeatedNudgesMergeIntoOneUndoStep() {
    Element hub = vm.addElement(ElementKind.HUB, new Point(100, 100));
    vm.nudge(1, 0);
    vm.nudge(1, 0);
    vm.nudge(0, 1);
    assertEquals(new Point(102, 101), doc.topology().position(hub.id()).orElseThrow());
    doc.undo();
    assertEquals(new Point(100, 100), doc.topology().position(hub.id()).orElseThrow());
  }

  @Test
  void deletingANodeTakesItsLinksInTheSameStep() {
    Guest g = (Guest) vm.addElement(ElementKind.GUEST, new Point(0, 0));
    Element hub = vm.addElement(ElementKind.HUB, new Point(300, 0));
    vm.connect(Endpoint.of(g.id(), "nic0"), Endpoint.of(hub.id()));
    vm.selection().select(hub.id());
    assertUndoRedo(vm::deleteSelection);
    assertTrue(doc.topology().links().isEmpty());
  }

  @Test
  void selectAllSelectsEveryElement() {
    vm.addElement(ElementKind.HUB, new Point(0, 0));
    vm.addElement(ElementKind.TAP, new Point(0, 0));
    vm.selectAll();
    assertEquals(2, vm.selection().ids().size());
  }

  @Test
  void pasteMakesCopiesWithFreshNamesMacsAndAddresses() {
    Guest g = (Guest) vm.addElement(ElementKind.GUEST, new Point(0, 0));
    Guest addressed = g.withNic(g.nics().get(0).withIp(IpConfig.fixed("192.168.0.10/24", "192.168.0.1")));
    doc.push(new dev.patchbay.model.edit.ReplaceElementCommand(addressed, "address"));
    vm.selection().select(g.id());
    vm.copy();
    assertUndoRedo(vm::paste);
    Guest copy = doc.topology().elementsOf(Guest.class).filter(x -> !x.id().equals(g.id())).findFirst().orElseThrow();
    assertNotEquals(g.name(), copy.name());
    assertNotEquals(g.nics().get(0).mac(), copy.nics().get(0).mac());
    assertEquals("192.168.0.11/24", copy.nics().get(0).ip().address());
  }

  @Test
  void duplicateKeepsLinksAmongTheCopies() {
    Guest g = (Guest) vm.addElement(ElementKind.GUEST, new Point(0, 0));
    Element hub = vm.addElement(ElementKind.HUB, new Point(300, 0));
    vm.connect(Endpoint.of(g.id(), "nic0"), Endpoint.of(hub.id()));
    vm.selection().selectAll(java.util.List.of(g.id(), hub.id()));
    assertUndoRedo(vm::duplicate);
    assertEquals(4, doc.topology().elements().size());
    assertEquals(2, doc.topology().links().size());
  }

  @Test
  void alignLeftLinesUpOnTheFirstElement() {
    Element a = vm.addElement(ElementKind.HUB, new Point(100, 100));
    Element b = vm.addElement(ElementKind.HUB, new Point(300, 300));
    vm.selection().selectAll(java.util.List.of(a.id(), b.id()));
    assertUndoRedo(() -> vm.align(Alignment.LEFT));
    assertEquals(100, doc.topology().position(b.id()).orElseThrow().x());
  }

  @Test
  void undoOfAnAddDropsTheElementFromTheSelection() {
    Element hub = vm.addElement(ElementKind.HUB, new Point(0, 0));
    assertTrue(vm.selection().contains(hub.id()));
    doc.undo();
    assertFalse(vm.selection().contains(hub.id()));
  }

  @Test
  void openingAFileClearsTheSelection() throws Exception {
    vm.addElement(ElementKind.HUB, new Point(0, 0));
    doc.open(Path.of(System.getProperty("patchbay.samples", "../samples"), "hub-nics.json"));
    assertTrue(vm.selection().isEmpty());
  }
}
