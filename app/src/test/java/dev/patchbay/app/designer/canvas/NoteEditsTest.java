package dev.patchbay.app.designer.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The canvas view model's note edits, without a stage: each one step, undone and redone exactly. */
class NoteEditsTest {
  private final DocumentViewModel doc = new DocumentViewModel();
  private final CanvasViewModel vm = new CanvasViewModel(doc, new Random(1));

  private void assertUndoRedo(Runnable edit) {
    CanvasViewModelTest.assertUndoRedo(doc, edit);
  }

  @Test
  void addingANoteIsOneStepAndSelectsIt() {
    assertUndoRedo(() -> vm.notes().add(new Point(100, 100)));
    doc.undo();
    String id = vm.notes().add(new Point(100, 100));
    Note n = doc.topology().note(id).orElseThrow();
    assertEquals(Set.of(id), vm.selection().snapshot());
    assertEquals(n, vm.notes().selectedNote().orElseThrow());
    String second = vm.notes().add(new Point(0, 0));
    assertNotEquals(n.id(), second, "ids stay unique");
  }

  @Test
  void editingTheTextIsOneStepAndAnUnchangedTextNone() {
    String id = vm.notes().add(new Point(0, 0));
    assertUndoRedo(() -> vm.notes().setText(id, "two\nlines"));
    assertEquals("two\nlines", doc.topology().note(id).orElseThrow().text());
    String undo = doc.undoLabelProperty().get();
    vm.notes().setText(id, "two\nlines");
    assertEquals(undo, doc.undoLabelProperty().get());
  }

  @Test
  void aDragOfElementsAndNotesIsOneSnappedStep() {
    Element hub = vm.addElement(ElementKind.HUB, new Point(100, 100));
    String id = vm.notes().add(new Point(300, 100));
    assertUndoRedo(() -> assertTrue(vm.moveBy(Set.of(hub.id(), id), 41, 38)));
    assertEquals(new Point(140, 140), doc.topology().position(hub.id()).orElseThrow());
    Note n = doc.topology().note(id).orElseThrow();
    assertEquals(new Point(340, 140), new Point(n.x(), n.y()));
    doc.undo();
    assertEquals(new Point(100, 100), doc.topology().position(hub.id()).orElseThrow());
    assertEquals(300, doc.topology().note(id).orElseThrow().x(), "one undo takes back both");
  }

  @Test
  void aNoteDraggedAloneMovesAndATinyDragNothing() {
    String id = vm.notes().add(new Point(300, 100));
    assertUndoRedo(() -> vm.moveBy(Set.of(id), 0, 60));
    assertFalse(vm.moveBy(Set.of(id), 3, 2), "snapped back to where it was: no step");
  }

  @Test
  void deletingASelectionOfElementsAndNotesIsOneStep() {
    Element hub = vm.addElement(ElementKind.HUB, new Point(100, 100));
    String id = vm.notes().add(new Point(300, 100));
    vm.selection().selectAll(Set.of(hub.id(), id));
    assertUndoRedo(vm::deleteSelection);
    assertTrue(doc.topology().notes().isEmpty());
    assertTrue(doc.topology().elements().isEmpty());
  }

  @Test
  void aSelectedNoteThatAnUndoRemovesLeavesTheSelection() {
    String id = vm.notes().add(new Point(0, 0));
    assertTrue(vm.selection().contains(id));
    doc.undo();
    assertTrue(vm.selection().isEmpty());
  }

  @Test
  void arrowNudgesOfANoteAndAnElementAreOneStep() {
    Element hub = vm.addElement(ElementKind.HUB, new Point(100, 100));
    String id = vm.notes().add(new Point(300, 100));
    vm.selection().selectAll(Set.of(hub.id(), id));
    for (int i = 0; i < 3; i++) {
      vm.nudge(1, 0);
    }
    assertEquals(303, doc.topology().note(id).orElseThrow().x());
    assertEquals(new Point(103, 100), doc.topology().position(hub.id()).orElseThrow());
    doc.undo();
    assertEquals(300, doc.topology().note(id).orElseThrow().x());
    assertEquals(new Point(100, 100), doc.topology().position(hub.id()).orElseThrow());
  }

  @Test
  void selectAllTakesTheNotes() {
    vm.addElement(ElementKind.HUB, new Point(100, 100));
    String id = vm.notes().add(new Point(0, 0));
    vm.selectAll();
    assertTrue(vm.selection().contains(id));
    assertEquals(2, vm.selection().snapshot().size());
  }
}
