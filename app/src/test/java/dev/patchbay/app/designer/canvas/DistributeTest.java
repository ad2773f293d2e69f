package dev.patchbay.app.designer.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Point;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Distribute: the outermost two stay, the boxes between get equal gaps, in one undo step. */
class DistributeTest {
  private final DocumentViewModel doc = new DocumentViewModel();
  private final CanvasViewModel vm = new CanvasViewModel(doc, new Random(2));

  private Point at(Element e) {
    return doc.topology().position(e.id()).orElseThrow();
  }

  @Test
  void verticallyAGuestAndTwoHubsGetEqualGapsBetweenTheirBoxes() {
    vm.snapToGridProperty().set(false);
    Element top = vm.addElement(ElementKind.HUB, new Point(0, 0));
    Element guest = vm.addElement(ElementKind.GUEST, new Point(300, 100));
    Element bottom = vm.addElement(ElementKind.HUB, new Point(600, 900));
    vm.selection().selectAll(List.of(bottom.id(), guest.id(), top.id()));
    CanvasViewModelTest.assertUndoRedo(doc, () -> vm.align(Alignment.DISTRIBUTE_VERTICAL));
    double gapAbove = at(guest).y() - (at(top).y() + NodeGeometry.height(top));
    double gapBelow = at(bottom).y() - (at(guest).y() + NodeGeometry.height(guest));
    assertEquals(gapAbove, gapBelow, 1e-9);
    assertEquals(300, at(guest).x(), "only along y");
    assertEquals(0, at(top).y());
    assertEquals(900, at(bottom).y());
  }

  @Test
  void twoElementsAreNotDistributed() {
    Element a = vm.addElement(ElementKind.HUB, new Point(0, 0));
    Element b = vm.addElement(ElementKind.HUB, new Point(300, 100));
    vm.selection().selectAll(List.of(a.id(), b.id()));
    String before = doc.undoLabelProperty().get();
    vm.align(Alignment.DISTRIBUTE_HORIZONTAL);
    assertEquals(before, doc.undoLabelProperty().get(), "nothing pushed");
  }
}
