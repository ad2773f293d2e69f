package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.CubicCurve;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Right-clicks on the canvas of NAT behind a bridge: a click without a drag opens the menu of what
 * it is on (the canvas, an element, a wire), whose items run their actions on it; a right-drag pans
 * and opens none. And a wire is picked a few pixels off its line.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasContextMenuUiTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private final Preferences prefs =
      Preferences.userRoot().node("dev/patchbay/test/context-ui-" + ProcessHandle.current().pid());
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
  void closeMenusAndDropPrefs(FxRobot robot) throws Exception {
    robot.interact(() -> showing().forEach(ContextMenu::hide));
    prefs.removeNode();
  }

  private static List<ContextMenu> showing() {
    return Window.getWindows().stream().filter(w -> w instanceof ContextMenu m && m.isShowing())
        .map(ContextMenu.class::cast).toList();
  }

  private static Optional<String> shownMenu() {
    return showing().stream().map(ContextMenu::getId).findFirst();
  }

  private static MenuItem item(String id) {
    return showing().stream().flatMap(m -> m.getItems().stream())
        .flatMap(i -> i instanceof Menu sub ? java.util.stream.Stream.concat(java.util.stream.Stream.of(i),
            sub.getItems().stream()) : java.util.stream.Stream.of(i))
        .filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError("no item " + id));
  }

  private void rightClick(FxRobot robot, Point2D screen) throws Exception {
    robot.clickOn(robot.point(screen), MouseButton.SECONDARY);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Point2D centreOf(FxRobot robot, String id) {
    Node n = robot.lookup(id).query();
    Bounds b = n.localToScreen(n.getBoundsInLocal());
    return new Point2D(b.getCenterX(), b.getCenterY());
  }

  /**
   * A point on wire {@code id}'s curve at parameter t, moved {@code off} screen pixels square to it.
   */
  private Point2D onWire(FxRobot robot, String id, double t, double off) {
    CubicCurve c = (CubicCurve) robot.lookup("#link-" + id).queryAs(Group.class).getChildren().get(1);
    double u = 1 - t;
    double x = u * u * u * c.getStartX() + 3 * u * u * t * c.getControlX1() + 3 * u * t * t * c.getControlX2()
        + t * t * t * c.getEndX();
    double y = u * u * u * c.getStartY() + 3 * u * u * t * c.getControlY1() + 3 * u * t * t * c.getControlY2()
        + t * t * t * c.getEndY();
    double dx = 3 * u * u * (c.getControlX1() - c.getStartX()) + 6 * u * t * (c.getControlX2() - c.getControlX1())
        + 3 * t * t * (c.getEndX() - c.getControlX2());
    double dy = 3 * u * u * (c.getControlY1() - c.getStartY()) + 6 * u * t * (c.getControlY2() - c.getControlY1())
        + 3 * t * t * (c.getEndY() - c.getControlY2());
    Point2D p = c.localToScreen(x, y);
    Point2D along = c.localToScreen(x + dx * 1e-3, y + dy * 1e-3).subtract(p).normalize();
    return p.add(new Point2D(-along.getY(), along.getX()).multiply(off));
  }

  /** A spot of the canvas that no element, wire or note covers. */
  private Point2D emptySpot(FxRobot robot) {
    Node canvas = robot.lookup("#canvas").query();
    List<Bounds> taken = new java.util.ArrayList<>();
    window.canvas().nodes().forEach(n -> taken.add(n.localToScreen(n.getBoundsInLocal())));
    window.canvas().notes().forEach(n -> taken.add(n.localToScreen(n.getBoundsInLocal())));
    window.document().topology().links().forEach(l -> {
      Node v = window.canvas().link(l.id());
      taken.add(v.localToScreen(v.getBoundsInLocal()));
    });
    Bounds area = canvas.localToScreen(canvas.getBoundsInLocal());
    for (double y = area.getMinY() + 40; y < area.getMaxY() - 40; y += 20) {
      for (double x = area.getMinX() + 40; x < area.getMaxX() - 40; x += 20) {
        double px = x;
        double py = y;
        if (taken.stream().noneMatch(b -> b.contains(px, py))) {
          return new Point2D(x, y);
        }
      }
    }
    throw new AssertionError("the canvas has no empty spot");
  }

  @Test
  void aRightClickOnTheCanvasOffersItsActionsAndAddNoteAddsTheNoteWhereTheMenuWasOpened(FxRobot robot)
      throws Exception {
    Point2D spot = emptySpot(robot);
    rightClick(robot, spot);
    waitUntil(() -> shownMenu().isPresent());
    assertEquals(Optional.of("canvasMenu"), shownMenu());
    for (String id : List.of("contextPaste", "contextAddNote", "contextSelectAll", "contextAutoLayout")) {
      assertTrue(item(id).isVisible(), id);
    }
    Set<String> before = Set.copyOf(window.document().topology().notes().stream().map(Note::id).toList());
    robot.clickOn("#contextAddNote");
    waitUntil(() -> window.document().topology().notes().size() == before.size() + 1);
    Note added = window.document().topology().notes().stream().filter(n -> !before.contains(n.id())).findFirst()
        .orElseThrow();
    Point2D expected = window.canvas().toCanvas(window.canvas().screenToLocal(spot));
    assertEquals(expected.getY(), added.y(), 1.5, "the note's top is where the menu was asked for");
  }

  @Test
  void aRightClickOnAnUnselectedElementSelectsItAndItsItemsActOnIt(FxRobot robot) throws Exception {
    robot.clickOn("#node-br0");
    TabPane side = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
        .filter(p -> p.getTabs().stream().anyMatch(t -> "propertiesTab".equals(t.getId()))).findFirst().orElseThrow();
    robot.interact(() -> side.getSelectionModel().select(1)); // the Host tab
    rightClick(robot, centreOf(robot, "#node-guest1"));
    waitUntil(() -> shownMenu().isPresent());
    assertEquals(Optional.of("elementMenu"), shownMenu());
    assertEquals(Set.of("guest1"), window.canvasViewModel().selection().snapshot(), "the right-click selected it");
    assertTrue(item("contextConsole").isVisible(), "a guest's menu offers its console");
    assertTrue(item("contextConsole").isDisable(), "only while a lab runs");
    assertFalse(item("contextAlignMenu").isVisible(), "aligning needs two or more");
    robot.clickOn("#contextProperties");
    waitUntil(() -> side.getSelectionModel().getSelectedIndex() == 0);

    rightClick(robot, centreOf(robot, "#node-br0"));
    waitUntil(() -> window.canvasViewModel().selection().contains("br0"));
    assertFalse(item("contextConsole").isVisible(), "a bridge has no console");
    robot.clickOn("#contextDelete");
    waitUntil(() -> !window.document().topology().contains("br0"));
    assertTrue(window.document().topology().contains("guest1"));
  }

  @Test
  void onAMultiSelectionTheElementMenuAlignsTheWholeSelection(FxRobot robot) throws Exception {
    robot.clickOn("#node-guest1");
    robot.press(KeyCode.SHIFT).clickOn("#node-tap1").release(KeyCode.SHIFT);
    waitUntil(() -> window.canvasViewModel().selection().ids().size() == 2);
    double guest1X = window.document().topology().position("guest1").orElseThrow().x();
    double tap1X = window.document().topology().position("tap1").orElseThrow().x();
    assertNotEquals(guest1X, tap1X);
    rightClick(robot, centreOf(robot, "#node-guest1"));
    waitUntil(() -> shownMenu().isPresent());
    assertEquals(Set.of("guest1", "tap1"), window.canvasViewModel().selection().snapshot(),
        "a right-click inside the selection keeps it");
    assertTrue(item("contextAlignMenu").isVisible());
    robot.clickOn("#contextAlignMenu");
    waitUntil(() -> robot.lookup("#contextAlignLEFT").tryQuery().isPresent());
    robot.clickOn("#contextAlignLEFT");
    waitUntil(() -> window.document().topology().position("tap1").orElseThrow().x()
        == window.document().topology().position("guest1").orElseThrow().x());
    assertEquals(tap1X, window.document().topology().position("guest1").orElseThrow().x(),
        "lined up on the first in the file, tap1");
  }

  @Test
  void aRightClickOnAWireOffersTheWiresActionsAndDeleteDeletesIt(FxRobot robot) throws Exception {
    rightClick(robot, onWire(robot, "l4", 0.25, 0));
    waitUntil(() -> shownMenu().isPresent());
    assertEquals(Optional.of("wireMenu"), shownMenu());
    assertEquals(Set.of("l4"), window.canvasViewModel().selection().snapshot());
    assertTrue(item("contextCutLink").isDisable(), "cutting a link acts on a running lab");
    assertTrue(item("contextRestoreLink").isVisible());
    robot.clickOn("#contextDelete");
    waitUntil(() -> window.document().topology().link("l4").isEmpty());
    assertTrue(window.document().topology().contains("guest1") && window.document().topology().contains("tap0"));
  }

  @Test
  void aRightClickOnANoteOffersToEditOrDeleteIt(FxRobot robot) throws Exception {
    Point2D spot = window.canvas().toCanvas(window.canvas().screenToLocal(emptySpot(robot)));
    String[] added = new String[1];
    robot.interact(() -> added[0] = window.canvasViewModel().notes().add(new Point(spot.getX(), spot.getY())));
    String id = added[0];
    robot.interact(() -> window.canvasViewModel().selection().clear());
    WaitForAsyncUtils.waitForFxEvents();
    Node note = window.canvas().note(id);
    Bounds b = note.localToScreen(note.getBoundsInLocal());
    rightClick(robot, new Point2D(b.getCenterX(), b.getCenterY()));
    waitUntil(() -> shownMenu().isPresent());
    assertEquals(Optional.of("noteMenu"), shownMenu());
    assertEquals(Set.of(id), window.canvasViewModel().selection().snapshot());
    assertFalse(item("contextEditNote").isDisable());
    robot.clickOn("#contextDelete");
    waitUntil(() -> window.document().topology().note(id).isEmpty());
  }

  @Test
  void aRightDragPansAndOpensNoMenu(FxRobot robot) throws Exception {
    Point2D before = window.canvas().panOffset();
    Point2D spot = emptySpot(robot);
    robot.drag(robot.point(spot), MouseButton.SECONDARY).moveBy(30, 20).moveBy(20, 20).drop();
    waitUntil(() -> !window.canvas().panOffset().equals(before));
    assertEquals(before.add(50, 40), window.canvas().panOffset());
    assertEquals(Optional.empty(), shownMenu(), "a drag is a pan, not a click");
  }

  @Test
  void aClickFourPixelsOffAWireSelectsIt(FxRobot robot) throws Exception {
    Node canvas = robot.lookup("#canvas").query();
    robot.interact(() -> window.canvas().zoomBy(0.6 / window.canvas().zoomFactor(),
        new Point2D(canvas.getLayoutBounds().getWidth() / 2, canvas.getLayoutBounds().getHeight() / 2)));
    var hit = (javafx.scene.shape.Shape) robot.lookup("#link-l4").queryAs(Group.class).getChildren().get(0);
    // The band widens once the view comes to rest at the new zoom: eight pixels either side.
    waitUntil(() -> hit.getStrokeWidth() * window.canvas().zoomFactor() >= 15.99);
    robot.clickOn("#node-br0");
    waitUntil(() -> window.canvasViewModel().selection().contains("br0"));
    robot.clickOn(robot.point(onWire(robot, "l4", 0.25, 4)));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Set.of("l4"), window.canvasViewModel().selection().snapshot());
  }
}
