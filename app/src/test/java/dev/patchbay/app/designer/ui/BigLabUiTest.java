package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.Minimap;
import dev.patchbay.app.designer.canvas.NodeView;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.generate.TopologyGenerator;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Finding one's way in a big design: Find, the minimap, the zoom in the status bar, and Fit. */
@ExtendWith(ApplicationExtension.class)
class BigLabUiTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/biglab-" + ProcessHandle.current().pid());
  private DesignerWindow window;

  @Start
  void start(Stage stage) {
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(5), new RecentFiles(prefs));
    stage.setWidth(1200);
    stage.setHeight(800);
    stage.show();
  }

  @AfterEach
  void dropPrefs() throws Exception {
    prefs.removeNode();
  }

  private CanvasView canvas() {
    return window.canvas();
  }

  /** Where the view's middle is, in canvas units. */
  private Point2D viewCentre() {
    Bounds b = canvas().viewArea();
    return new Point2D(b.getCenterX(), b.getCenterY());
  }

  private static Point2D centreOf(NodeView n) {
    return new Point2D(n.getLayoutX() + n.getPrefWidth() / 2, n.getLayoutY() + n.getPrefHeight() / 2);
  }

  /** A 600-element design without a layout: a column of elements ~17,000 units tall. */
  private void openGenerated(FxRobot robot, int size) {
    robot.interact(() -> window.document().newFrom(TopologyGenerator.generate(size, 7)));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void ctrlFThenAnAddressAndEnterSelectsThatGuestAndCentresTheViewOnIt(FxRobot robot) throws Exception {
    openGenerated(robot, 600);
    var guest = (dev.patchbay.model.topology.Guest) window.document().topology().elements().stream()
        .filter(e -> e instanceof dev.patchbay.model.topology.Guest).skip(150).findFirst().orElseThrow();
    String address = guest.nics().get(0).ip().address().split("/")[0];
    robot.clickOn("#canvas");
    robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#findField").query().isFocused());
    robot.write(address).type(KeyCode.ENTER);
    waitUntil(() -> window.canvasViewModel().selection().ids().equals(Set.of(guest.id())));
    assertTrue(viewCentre().distance(centreOf(canvas().node(guest.id()))) < 2, "the view is centred on the match");
    assertTrue(((Label) robot.lookup("#findStatus").query()).getText().startsWith("1 of "));
  }

  @Test
  void findByMacAndByNameAndSayingPlainlyWhenNothingMatches(FxRobot robot) throws Exception {
    robot.interact(() -> window.files().open(SAMPLE));
    robot.interact(() -> window.actions().get("Find").perform());
    robot.write("52:54:00:00:00:11").type(KeyCode.ENTER);
    waitUntil(() -> window.canvasViewModel().selection().ids().equals(Set.of("guest2")));
    assertTrue(viewCentre().distance(centreOf(canvas().node("guest2"))) < 2);
    robot.interact(() -> window.find().queryProperty().set("GUEST1"));
    robot.clickOn("#findNext");
    waitUntil(() -> window.canvasViewModel().selection().ids().equals(Set.of("guest1")));
    robot.interact(() -> window.find().queryProperty().set("nowhere9"));
    robot.clickOn("#findNext");
    waitUntil(() -> ((Label) robot.lookup("#findStatus").query()).getText().startsWith("No element"));
    assertEquals(Set.of("guest1"), window.canvasViewModel().selection().ids(), "nothing else is selected");
  }

  @Test
  void pressingOnTheMinimapCentresTheViewThere(FxRobot robot) throws Exception {
    openGenerated(robot, 600);
    Minimap map = window.minimap();
    waitUntil(map::isVisible);
    robot.interact(() -> canvas().zoomBy(0.5 / canvas().zoomFactor(), Point2D.ZERO));
    Point2D before = viewCentre();
    Point2D target = map.toCanvas(Minimap.WIDTH / 2, Minimap.HEIGHT - 20);
    Bounds onScreen = map.localToScreen(map.getBoundsInLocal());
    robot.clickOn(new Point2D(onScreen.getMinX() + Minimap.WIDTH / 2, onScreen.getMinY() + Minimap.HEIGHT - 20));
    // The robot's pointer lands on whole pixels: a minimap pixel or so is a long way on the canvas.
    double pixel = target.distance(map.toCanvas(Minimap.WIDTH / 2 + 1.5, Minimap.HEIGHT - 20 + 1.5));
    waitUntil(() -> viewCentre().distance(target) < pixel);
    assertTrue(before.distance(viewCentre()) > 1000, "the view moved a long way down the design");
    Node outline = robot.lookup("#minimapView").query();
    Bounds o = outline.getBoundsInParent();
    assertEquals(Minimap.HEIGHT - 20, o.getCenterY(), 3, "the outline follows the view");
  }

  @Test
  void theStatusBarsZoomFollowsEveryZoomStep(FxRobot robot) throws Exception {
    robot.interact(() -> window.files().open(SAMPLE));
    Label zoom = robot.lookup("#statusZoom").query();
    robot.interact(() -> canvas().zoomBy(0.5 / canvas().zoomFactor(), Point2D.ZERO));
    assertEquals("50%", zoom.getText());
    robot.clickOn("View");
    robot.clickOn("#menuZoomIn");
    waitUntil(() -> zoom.getText().equals("63%"));
    robot.interact(() -> canvas().zoomBy(2.4 / canvas().zoomFactor(), Point2D.ZERO));
    assertEquals("240%", zoom.getText());
  }

  @Test
  void fitShowsEveryElementTheHostBoxAndTheNotesOfALargeDesignInsideTheView(FxRobot robot) throws Exception {
    openGenerated(robot, 800);
    robot.interact(() -> window.canvasViewModel().notes().add(new dev.patchbay.model.topology.Point(-900, 30000)));
    robot.interact(() -> canvas().zoomBy(2, Point2D.ZERO));
    robot.interact(() -> window.actions().get("Fit").perform());
    WaitForAsyncUtils.waitForFxEvents();
    Bounds view = new javafx.geometry.BoundingBox(0, 0, canvas().getWidth(), canvas().getHeight());
    for (NodeView n : canvas().nodes()) {
      assertInside(view, n, n.getBoundsInLocal());
    }
    assertInside(view, canvas().lookup("#host"), canvas().lookup("#host").getBoundsInLocal());
    canvas().notes().forEach(n -> assertInside(view, n, n.getBoundsInLocal()));
  }

  @Test
  void theHostTabsProxyArpIsAListNarrowedByItsFilterAndACheckIsOneEdit(FxRobot robot) throws Exception {
    openGenerated(robot, 600);
    robot.clickOn("#hostTab");
    javafx.scene.control.ListView<?> list = robot.lookup("#proxyArpList").queryAs(javafx.scene.control.ListView.class);
    int all = window.hostViewModel().interfaceIds().size();
    assertTrue(all > 100, all + " host interfaces");
    assertEquals(all, list.getItems().size());
    assertTrue(robot.lookup(".check-box").queryAll().size() < 60, "only the rows in view are drawn");
    robot.clickOn("#proxyArpFilter").write("tap17");
    waitUntil(() -> list.getItems().stream().allMatch(i -> i.toString().contains("tap17")) && !list.getItems().isEmpty());
    String first = list.getItems().get(0).toString();
    Node box = robot.lookup("#proxyArpList .check-box").query();
    robot.clickOn(box);
    waitUntil(() -> window.document().topology().host().proxyArp().contains(first));
    assertEquals("Undo Enable proxy ARP on " + first, window.document().undoLabelProperty().get());
  }

  @Test
  void autoLayoutOfALargeDesignEndsWithTheWholeOfItInViewAndIsOneUndoStep(FxRobot robot) throws Exception {
    openGenerated(robot, 600);
    // A file without a layout has places by order; undo gives them back, now written down.
    var before = dev.patchbay.app.designer.canvas.Positions.all(window.document().topology());
    robot.interact(() -> canvas().zoomBy(1 / canvas().zoomFactor(), Point2D.ZERO));
    robot.interact(() -> window.actions().get("AutoLayout").perform());
    waitUntil(() -> window.document().stack().canUndo());
    WaitForAsyncUtils.waitForFxEvents();
    Bounds view = new javafx.geometry.BoundingBox(0, 0, canvas().getWidth(), canvas().getHeight());
    for (NodeView n : canvas().nodes()) {
      assertInside(view, n, n.getBoundsInLocal());
    }
    assertEquals("Undo Auto layout", window.document().undoLabelProperty().get());
    robot.interact(() -> window.document().undo());
    assertEquals(before, dev.patchbay.app.designer.canvas.Positions.all(window.document().topology()));
    assertTrue(!window.document().stack().canUndo(), "one undo step");
  }

  private void assertInside(Bounds view, Node n, Bounds local) {
    Bounds shown = canvas().sceneToLocal(n.localToScene(local));
    assertTrue(view.contains(shown), n.getId() + " at " + shown + " lies outside the view " + view);
  }
}
