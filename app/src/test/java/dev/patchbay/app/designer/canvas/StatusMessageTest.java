package dev.patchbay.app.designer.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Point;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status bar speaks of the last action only, and a wire dragged over a port that refuses it is
 * told why with the very words the drop would use.
 */
class StatusMessageTest {
  private final DocumentViewModel doc = new DocumentViewModel();
  private final CanvasViewModel vm = new CanvasViewModel(doc, new Random(1));

  @BeforeEach
  void open() throws Exception {
    doc.open(Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json"));
  }

  @Test
  void theReasonShownMidWireIsTheOneTheDropGives() {
    Element hub = vm.addElement(ElementKind.HUB, new Point(700, 60));
    Endpoint from = Endpoint.of(hub.id());
    String shown = vm.wireRefusal(from, Endpoint.of("tap0")).orElseThrow();
    assertTrue(shown.contains("tap tap0"), shown);
    assertFalse(vm.connect(from, Endpoint.of("tap0")));
    assertEquals("Cannot link " + from + " to tap0: " + shown, vm.statusProperty().get());
  }

  @Test
  void noReasonOverAPortThatTakesTheWireOrOverTheWiresOwnPort() {
    Element hub = vm.addElement(ElementKind.HUB, new Point(700, 60));
    Element tap = vm.addElement(ElementKind.TAP, new Point(700, 200));
    Endpoint from = Endpoint.of(hub.id());
    assertTrue(vm.wireRefusal(from, Endpoint.of(tap.id())).isEmpty());
    assertTrue(vm.wireRefusal(from, from).isEmpty(), "the pointer has not left the port yet");
    assertTrue(vm.wireRefusal(Endpoint.of("guest1", "nic0"), Endpoint.of("guest1", "nic0")).isEmpty());
  }

  @Test
  void aRefusalIsClearedByTheNextEdit() {
    assertFalse(vm.connect(Endpoint.of("guest2", "nic0"), Endpoint.of("tap0")));
    assertTrue(vm.statusProperty().get().startsWith("Cannot link"), vm.statusProperty().get());
    vm.moveBy(Set.of("guest1"), 40, 0);
    assertEquals("", vm.statusProperty().get(), "a move says nothing of itself, and the refusal is stale");
  }

  @Test
  void anActionsOwnMessageOutlivesItsOwnEditButNotAnUndo() {
    Element hub = vm.addElement(ElementKind.HUB, new Point(700, 60));
    assertTrue(vm.statusProperty().get().startsWith("Added ") && vm.statusProperty().get().endsWith(hub.name()),
        vm.statusProperty().get());
    doc.undo();
    assertEquals("", vm.statusProperty().get());
  }

  @Test
  void aMessageWithoutAnEditStaysUntilOne() {
    vm.selection().select("guest1");
    vm.copy();
    assertEquals("Copied 1 element", vm.statusProperty().get());
    vm.selection().select("guest2");
    assertEquals("Copied 1 element", vm.statusProperty().get(), "selecting is no edit");
    vm.nudge(20, 0);
    assertEquals("", vm.statusProperty().get());
  }

  @Test
  void anotherDocumentStartsWithAnEmptyStatus() {
    vm.statusProperty().set("Saved somewhere");
    doc.newDocument();
    assertEquals("", vm.statusProperty().get());
  }
}
