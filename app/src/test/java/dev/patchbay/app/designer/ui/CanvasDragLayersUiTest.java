package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.canvas.LinkView;
import dev.patchbay.app.designer.canvas.NodeView;
import dev.patchbay.app.designer.canvas.gesture.MoveGesture;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.topology.Endpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What drawing a drag from bitmaps and the wires as shared paths must not change: where things are drawn mid-drag and
 * after it, the stacking of nodes, and the look of a wire with a state (NAT behind a bridge).
 */
@ExtendWith(ApplicationExtension.class)
class CanvasDragLayersUiTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/layers-" + ProcessHandle.current().pid());
  private DesignerWindow window;

  @Start
  void start(Stage stage) {
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(5), new RecentFiles(prefs));
    stage.show();
  }

  @BeforeEach
  void open(FxRobot robot) {
    robot.interact(() -> window.files().open(SAMPLE));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void dropPrefs() throws Exception {
    prefs.removeNode();
  }


  private MoveGesture dragBy(FxRobot robot, Set<String> ids, double dx, double dy) {
    MoveGesture[] g = new MoveGesture[1];
    robot.interact(() -> {
      g[0] = new MoveGesture(window.canvas(), window.canvasViewModel(), ids, Point2D.ZERO);
      g[0].drag(new Point2D(dx / 2, dy / 2), Point2D.ZERO);
      g[0].drag(new Point2D(dx, dy), Point2D.ZERO);
    });
    return g[0];
  }

  private CubicCurve curveOf(String linkId) {
    return (CubicCurve) window.canvas().link(linkId).getChildrenUnmodifiable().get(1);
  }

  private Point2D start(CubicCurve c) {
    return new Point2D(c.getStartX(), c.getStartY());
  }

  @Test
  void midDragTheNodeIsDrawnMovedAndItsWireRunsFromTheMovedPort(FxRobot robot) throws Exception {
    NodeView guest = window.canvas().node("guest1");
    Endpoint nic = Endpoint.of("guest1", "nic0");
    Point2D portBefore = guest.anchor(nic);
    double sceneYBefore = guest.localToScene(0, 0).getY();
    MoveGesture g = dragBy(robot, Set.of("guest1"), 0, 100);
    assertEquals(portBefore.add(0, 100), guest.anchor(nic), "wires attach where the node is drawn");
    assertTrue(guest.localToScene(0, 0).getY() > sceneYBefore, "the node is drawn where the mouse took it");
    assertFalse(curveOf("l4").isVisible(), "its wire is painted by the drag's shared path meanwhile");
    assertTrue(guest.boxContains(portBefore.add(20, 100)), "hit tests see the node where it is drawn");
    robot.interact(() -> g.release(new Point2D(0, 100), Point2D.ZERO));
    WaitForAsyncUtils.waitForFxEvents();
    assertNotEquals(portBefore, guest.anchor(nic), "the drop moved the node");
    assertEquals(guest.anchor(nic), start(curveOf("l4")), "after the drop the wire's own curve starts at the moved port");
  }

  @Test
  void aCancelledDragPutsNodeAndWireBackWhereTheyWere(FxRobot robot) throws Exception {
    NodeView guest = window.canvas().node("guest1");
    Point2D wireStart = start(curveOf("l4"));
    Point2D port = guest.anchor(Endpoint.of("guest1", "nic0"));
    MoveGesture g = dragBy(robot, Set.of("guest1", "tap0"), 60, 80);
    robot.interact(g::cancel);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(port, guest.anchor(Endpoint.of("guest1", "nic0")));
    assertEquals(wireStart, start(curveOf("l4")));
  }

  @Test
  void aDropKeepsTheStackingOfTheNodes(FxRobot robot) throws Exception {
    Parent layer = window.canvas().node("guest1").getParent();
    List<Node> before = List.copyOf(layer.getChildrenUnmodifiable());
    MoveGesture g = dragBy(robot, Set.of("guest1", "br0"), 40, 40);
    robot.interact(() -> g.release(new Point2D(40, 40), Point2D.ZERO));
    WaitForAsyncUtils.waitForFxEvents();
    assertSame(layer, window.canvas().node("guest1").getParent());
    assertEquals(before, List.copyOf(layer.getChildrenUnmodifiable()));
  }

  @Test
  void aPlainWireIsPaintedWithTheOthersAndASelectedOneByItself(FxRobot robot) throws Exception {
    LinkView wire = window.canvas().link("l4");
    waitUntil(() -> !curveOf("l4").isVisible());
    robot.interact(() -> window.canvasViewModel().selection().select("l4"));
    waitUntil(() -> curveOf("l4").isVisible());
    assertTrue(wire.getPseudoClassStates().contains(dev.patchbay.app.designer.canvas.CanvasStyles.SELECTED));
    robot.interact(() -> window.canvasViewModel().selection().clear());
    waitUntil(() -> !curveOf("l4").isVisible());
    assertFalse(curveOf("l4").isVisible());
  }
}
