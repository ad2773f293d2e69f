package dev.patchbay.app.designer.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Arrange > Auto Layout without a Stage: the two threads are queues the test runs by hand. */
class AutoLayoutViewModelTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private final DocumentViewModel doc = new DocumentViewModel();
  private final List<Runnable> background = new ArrayList<>();
  private final List<Runnable> fx = new ArrayList<>();
  private final List<String> status = new ArrayList<>();
  private final AutoLayoutViewModel vm = new AutoLayoutViewModel(doc, background::add, fx::add, status::add);

  @BeforeEach
  void open() throws Exception {
    doc.open(SAMPLE);
  }

  private static void drain(List<Runnable> queue) {
    List<Runnable> now = new ArrayList<>(queue);
    queue.clear();
    now.forEach(Runnable::run);
  }

  @Test
  void theLayoutRunsInTheBackgroundAndLandsAsOneUndoStep() {
    String before = TopologyFiles.toJson(doc.topology());
    vm.layOut();
    assertTrue(vm.runningProperty().get());
    assertEquals(before, TopologyFiles.toJson(doc.topology()), "nothing moves before the layout lands");
    assertTrue(fx.isEmpty());
    drain(background);
    assertEquals(before, TopologyFiles.toJson(doc.topology()), "the worker never touches the topology");
    drain(fx);
    assertFalse(vm.runningProperty().get());
    String after = TopologyFiles.toJson(doc.topology());
    assertNotEquals(before, after);
    assertEquals("Undo Auto layout", doc.undoLabelProperty().get());
    doc.undo();
    assertEquals(before, TopologyFiles.toJson(doc.topology()), "one undo puts every element back");
    assertFalse(doc.stack().canUndo(), "the layout was one step");
    doc.redo();
    assertEquals(after, TopologyFiles.toJson(doc.topology()));
    assertEquals("Laid out 8 elements", status.get(status.size() - 1));
  }

  @Test
  void anEditWhileTheLayoutRunsWinsAndTheLayoutIsDropped() {
    vm.layOut();
    drain(background);
    Topology t = doc.topology();
    Map<String, Point> at = Map.of("guest1", new Point(5, 5));
    doc.push(new dev.patchbay.model.edit.MoveCommand(Map.of("guest1", t.position("guest1").orElseThrow()), at, false));
    String edited = TopologyFiles.toJson(t);
    drain(fx);
    assertEquals(edited, TopologyFiles.toJson(t));
    assertTrue(status.get(status.size() - 1).startsWith("Auto layout dropped"), status.toString());
    assertFalse(vm.runningProperty().get());
  }

  @Test
  void aSecondRequestWhileOneRunsStartsNothing() {
    vm.layOut();
    vm.layOut();
    assertEquals(1, background.size());
  }

  @Test
  void layingOutALaidOutDesignAgainPushesNothing() {
    vm.layOut();
    drain(background);
    drain(fx);
    vm.layOut();
    drain(background);
    drain(fx);
    doc.undo();
    assertFalse(doc.stack().canUndo(), "the second layout moved nothing and was no step");
    assertEquals("Already laid out", status.get(status.size() - 1));
  }
}
