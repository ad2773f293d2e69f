package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.canvas.CanvasStyles;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.edit.ConnectCommand;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Selecting, moving, zooming and wiring on the canvas of NAT behind a bridge. */
@ExtendWith(ApplicationExtension.class)
class CanvasGestureUiTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/canvas-" + ProcessHandle.current().pid());
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


  private Point at(String id) {
    return window.document().topology().position(id).orElseThrow();
  }

  @Test
  void draggingANodeMovesItInOneUndoStep(FxRobot robot) throws Exception {
    Point before = at("guest1");
    robot.drag("#node-guest1").moveBy(0, 30).moveBy(0, 30).drop();
    waitUntil(() -> !at("guest1").equals(before));
    assertEquals(0, at("guest1").y() % 20, "snapped to the grid");
    robot.interact(window.document()::undo);
    assertEquals(before, at("guest1"));
  }

  @Test
  void escapeDuringADragPutsTheNodeBackAndRecordsNothing(FxRobot robot) throws Exception {
    Point before = at("guest1");
    String undo = window.document().undoLabelProperty().get();
    Node node = robot.lookup("#node-guest1").query();
    // Where the node is drawn (the drag moves the layer it is lifted into, not the node itself).
    double startY = node.localToScene(0, 0).getY();
    robot.drag("#node-guest1").moveBy(0, 60);
    double midDrag = node.localToScene(0, 0).getY() - startY;
    robot.push(KeyCode.ESCAPE);
    robot.release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(midDrag > 0, "the node followed the mouse while dragging");
    assertEquals(startY, node.localToScene(0, 0).getY(), 1e-9);
    assertEquals(before, at("guest1"));
    assertEquals(undo, window.document().undoLabelProperty().get());
  }

  @Test
  void shiftClickAddsToTheSelection(FxRobot robot) throws Exception {
    robot.clickOn("#node-guest1");
    robot.press(KeyCode.SHIFT).clickOn("#node-guest2").release(KeyCode.SHIFT);
    waitUntil(() -> window.canvasViewModel().selection().ids().size() == 2);
    assertEquals(Set.of("guest1", "guest2"), window.canvasViewModel().selection().snapshot());
  }

  @Test
  void aMarqueeSelectsTheNodesItTouches(FxRobot robot) throws Exception {
    Node g1 = robot.lookup("#node-guest1").query();
    Node g2 = robot.lookup("#node-guest2").query();
    Point2D from = g1.localToScreen(-30, -20);
    Point2D to = g2.localToScreen(g2.getLayoutBounds().getWidth() + 30, g2.getLayoutBounds().getHeight() + 20);
    robot.drag(robot.point(from), MouseButton.PRIMARY).dropTo(robot.point(to));
    waitUntil(() -> window.canvasViewModel().selection().ids().size() == 2);
    assertEquals(Set.of("guest1", "guest2"), window.canvasViewModel().selection().snapshot());
  }

  @Test
  void dragWithTheRightButtonPansWithoutEditing(FxRobot robot) throws Exception {
    Point2D before = window.canvas().panOffset();
    String undo = window.document().undoLabelProperty().get();
    Node canvas = robot.lookup("#canvas").query();
    robot.drag(robot.point(canvas.localToScreen(30, 30)), MouseButton.SECONDARY).moveBy(50, 40).drop();
    waitUntil(() -> !window.canvas().panOffset().equals(before));
    assertEquals(before.add(50, 40), window.canvas().panOffset());
    assertEquals(undo, window.document().undoLabelProperty().get());
  }

  @Test
  void clickingAWireSelectsIt(FxRobot robot) throws Exception {
    var curve = (javafx.scene.shape.CubicCurve) robot.lookup("#link-l4").queryAs(javafx.scene.Group.class)
        .getChildren().get(1);
    double tMid = 0.25; // nearer the guest: the curve's middle runs close to tap0's port
    double x = Math.pow(1 - tMid, 3) * curve.getStartX() + 3 * Math.pow(1 - tMid, 2) * tMid * curve.getControlX1()
        + 3 * (1 - tMid) * tMid * tMid * curve.getControlX2() + Math.pow(tMid, 3) * curve.getEndX();
    double y = Math.pow(1 - tMid, 3) * curve.getStartY() + 3 * Math.pow(1 - tMid, 2) * tMid * curve.getControlY1()
        + 3 * (1 - tMid) * tMid * tMid * curve.getControlY2() + Math.pow(tMid, 3) * curve.getEndY();
    robot.clickOn(robot.point(curve.localToScreen(x, y)));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Set.of("l4"), window.canvasViewModel().selection().snapshot(), "clicked at " + curve.localToScreen(x, y)
        + " curve " + curve.localToScreen(curve.getBoundsInLocal()) + " a " + curve.getStartX() + "," + curve.getStartY()
        + " b " + curve.getEndX() + "," + curve.getEndY());
    robot.type(KeyCode.DELETE);
    waitUntil(() -> window.document().topology().link("l4").isEmpty());
    assertTrue(window.document().topology().contains("guest1"), "deleting a wire keeps its ends");
  }

  @Test
  void theWheelZooms(FxRobot robot) throws Exception {
    double before = window.canvas().zoomFactor();
    robot.moveTo("#canvas").scroll(3, javafx.geometry.VerticalDirection.UP);
    waitUntil(() -> window.canvas().zoomFactor() != before);
    assertNotEquals(before, window.canvas().zoomFactor());
  }

  private boolean lit(FxRobot robot, String portId) {
    return robot.lookup("#" + portId).query().getPseudoClassStates().contains(CanvasStyles.VALID_TARGET);
  }

  @Test
  void whileWiringOnlyPortsThatMayTakeTheWireLightUp(FxRobot robot) throws Exception {
    robot.interact(() -> {
      window.canvasViewModel().addElement(dev.patchbay.model.topology.ElementKind.HUB, new Point(700, 60));
      window.canvasViewModel().addElement(dev.patchbay.model.topology.ElementKind.TAP, new Point(700, 200));
      window.canvas().fitToWindow();
    });
    robot.drag("#port-hub0").moveBy(-40, 40);
    WaitForAsyncUtils.waitForFxEvents();
    String status = window.canvasViewModel().statusProperty().get();
    boolean freeTap = lit(robot, "port-tap2");
    boolean heldTap = lit(robot, "port-tap0");
    boolean bridge = lit(robot, "port-br0");
    boolean wiredNic = lit(robot, "port-guest1-nic0");
    robot.release(MouseButton.PRIMARY);
    assertTrue(status.startsWith("Linking hub0"), status);
    assertTrue(freeTap, "a fresh tap may join a hub");
    assertFalse(heldTap, "tap0 is held by GUEST1's NIC already");
    assertFalse(bridge, "a hub reaches a bridge only through a tap");
    assertFalse(wiredNic, "GUEST1's nic0 is wired already");
  }

  @Test
  void clickingAProblemSelectsItsElements(FxRobot robot) throws Exception {
    robot.interact(() -> window.document().push(new ConnectCommand(
        new Link("bad", Endpoint.of("guest1", "nic0"), Endpoint.of("br0")))));
    waitUntil(() -> !window.problemsViewModel().diagnostics().isEmpty());
    ListView<?> list = robot.lookup("#problemsList").queryAs(ListView.class);
    robot.interact(() -> list.getSelectionModel().select(0));
    waitUntil(() -> window.canvasViewModel().selection().contains("br0"));
    assertTrue(window.canvasViewModel().selection().contains("guest1"));
    assertTrue(window.canvas().node("br0").hasBadge());
  }

  @Test
  void anInvalidAddressIsFlaggedWhileTypingAndNotCommitted(FxRobot robot) throws Exception {
    robot.clickOn("#node-br0");
    waitUntil(() -> robot.lookup("#prop-Address").tryQuery().isPresent());
    TextField address = robot.lookup("#prop-Address").queryAs(TextField.class);
    String before = window.document().undoLabelProperty().get();
    robot.clickOn(address);
    robot.interact(address::clear);
    robot.write("192.168.0.300/24").type(KeyCode.ENTER);
    var properties = robot.lookup("#properties").queryAs(dev.patchbay.app.designer.properties.PropertiesView.class);
    waitUntil(() -> Boolean.TRUE.equals(properties.invalidProperty().getValue()));
    assertEquals(before, window.document().undoLabelProperty().get(), "nothing was committed");
    assertEquals("192.168.0.1/24",
        ((dev.patchbay.model.topology.Bridge) window.document().topology().element("br0").orElseThrow()).address());
    robot.interact(address::clear);
    robot.write("192.168.0.2/24").type(KeyCode.ENTER);
    waitUntil(() -> Boolean.FALSE.equals(properties.invalidProperty().getValue()));
    assertEquals("192.168.0.2/24",
        ((dev.patchbay.model.topology.Bridge) window.document().topology().element("br0").orElseThrow()).address());
  }

  @Test
  void ctrlDDuplicatesTheSelectionWithFreshNames(FxRobot robot) throws Exception {
    robot.clickOn("#node-guest2");
    robot.push(KeyCode.CONTROL, KeyCode.D);
    waitUntil(() -> window.document().topology().elements().size() == 9);
    assertTrue(window.document().topology().elements().stream().anyMatch(e -> e.name().equals("GUEST3")));
  }

  @Test
  void arrowKeysNudgeAndMergeIntoOneUndo(FxRobot robot) throws Exception {
    Point before = at("guest2");
    robot.clickOn("#node-guest2");
    robot.type(KeyCode.RIGHT, 3);
    waitUntil(() -> at("guest2").x() == before.x() + 3);
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    waitUntil(() -> at("guest2").equals(before));
  }

  @Test
  void deleteRemovesTheNodeAndItsLinks(FxRobot robot) throws Exception {
    robot.clickOn("#node-tap0");
    robot.type(KeyCode.DELETE);
    waitUntil(() -> !window.document().topology().contains("tap0"));
    assertEquals(4, window.document().topology().links().size());
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    waitUntil(() -> window.document().topology().links().size() == 6);
  }
}
