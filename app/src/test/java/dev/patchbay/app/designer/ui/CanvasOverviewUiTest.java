package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.canvas.CanvasStyles;
import dev.patchbay.app.designer.canvas.NodeView;
import dev.patchbay.app.designer.canvas.gesture.MoveGesture;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Point;
import java.util.Random;
import java.util.Set;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
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
 * Zoomed out below half size the canvas draws an overview (plain boxes, straight one-pixel wires,
 * no labels, ports or grid) and zooming back in restores every detail (NAT behind a bridge).
 */
@ExtendWith(ApplicationExtension.class)
class CanvasOverviewUiTest {
  private static final java.nio.file.Path SAMPLE =
      java.nio.file.Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/overview-" + ProcessHandle.current().pid());
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


  /** Zooms so the view ends at {@code target} (within the zoom's bounds). */
  private void zoomTo(FxRobot robot, double target) {
    robot.interact(() -> window.canvas().zoomBy(target / window.canvas().zoomFactor(), new Point2D(300, 200)));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The node's name label if it is in the scene graph. */
  private java.util.Optional<Label> nameOf(NodeView n) {
    return n.getChildrenUnmodifiable().stream().filter(c -> c.getStyleClass().contains("name")).map(Label.class::cast)
        .findFirst();
  }

  private Rectangle boxOf(NodeView n) {
    return (Rectangle) n.getChildrenUnmodifiable().stream().filter(c -> c.getStyleClass().contains("box")).findFirst()
        .orElseThrow();
  }

  private Path wireBatch() {
    return (Path) window.canvas().lookup(".wire-batch");
  }

  @Test
  void zoomedOutPastHalfANodeIsItsPlainBoxAndZoomingInShowsItsDetailsAgain(FxRobot robot) {
    NodeView guest = window.canvas().node("guest1");
    zoomTo(robot, 0.3);
    assertTrue(guest.isOverview());
    assertFalse(guest.isDetailed());
    assertTrue(nameOf(guest).isEmpty(), "a name a few pixels tall is not drawn");
    assertTrue(guest.ports().stream().allMatch(p -> p.getScene() == null), "nor ports too small to aim at");
    Rectangle box = boxOf(guest);
    assertTrue(box.isVisible());
    assertTrue(box.getPseudoClassStates().contains(CanvasStyles.OVERVIEW));
    assertEquals(0, box.getArcWidth(), "the style sheet squares the box in an overview");
    assertEquals(null, box.getEffect(), "and drops its shadow");
    zoomTo(robot, 0.8);
    assertFalse(guest.isOverview());
    assertEquals(guest.element().name(), nameOf(guest).orElseThrow().getText());
    assertTrue(guest.ports().stream().allMatch(p -> p.getScene() != null));
    assertEquals(12, boxOf(guest).getArcWidth(), "rounded again");
  }

  @Test
  void inAnOverviewThePlainWiresAreStraightLinesOnePixelWideOnceTheViewSettles(FxRobot robot) throws Exception {
    assertTrue(wireBatch().getElements().stream().anyMatch(e -> e instanceof CubicCurveTo));
    zoomTo(robot, 0.25);
    waitUntil(() -> Math.abs(wireBatch().getStrokeWidth() - 4) < 1e-6);
    assertTrue(wireBatch().getElements().stream().noneMatch(e -> e instanceof CubicCurveTo));
    assertTrue(wireBatch().getElements().stream().anyMatch(e -> e instanceof LineTo));
    assertFalse(wireBatch().isSmooth());
    zoomTo(robot, 1);
    waitUntil(() -> wireBatch().getElements().stream().anyMatch(e -> e instanceof CubicCurveTo));
    assertEquals(2, wireBatch().getStrokeWidth(), 1e-9);
    assertTrue(wireBatch().isSmooth());
  }

  @Test
  void aNodeAddedDuringAnOverviewIsDrawnAsOneAndSelectingItMarksItsBox(FxRobot robot) {
    zoomTo(robot, 0.3);
    Element[] added = new Element[1];
    robot.interact(() -> added[0] = window.canvasViewModel().addElement(ElementKind.HUB, new Point(40, 40)));
    NodeView hub = window.canvas().node(added[0].id());
    assertTrue(hub.isOverview());
    assertTrue(nameOf(hub).isEmpty());
    robot.interact(() -> window.canvasViewModel().selection().select(added[0].id()));
    WaitForAsyncUtils.waitForFxEvents();
    Path marks = (Path) window.canvas().lookup(".selection-marks");
    assertEquals(5, marks.getElements().size(), "one mark, over the selected hub's box");
    assertTrue(marks.getBoundsInParent().contains(hub.getLayoutX() + 1, hub.getLayoutY() + 1));
    assertFalse(boxOf(hub).getPseudoClassStates().contains(CanvasStyles.SELECTED), "no box restyled to mark it");
    zoomTo(robot, 1);
    assertTrue(boxOf(hub).getPseudoClassStates().contains(CanvasStyles.SELECTED), "in full detail the box marks itself");
    assertTrue(((Path) window.canvas().lookup(".selection-marks")).getElements().isEmpty());
  }

  @Test
  void zoomedInOnlyNodesNearTheViewCarryTheirDetailsOnceTheViewSettles(FxRobot robot) throws Exception {
    zoomTo(robot, 0.3);
    Element[] far = new Element[1];
    robot.interact(() -> far[0] = window.canvasViewModel().addElement(ElementKind.HUB, new Point(40000, 40000)));
    NodeView guest = window.canvas().node("guest1");
    NodeView farHub = window.canvas().node(far[0].id());
    zoomTo(robot, 1);
    waitUntil(() -> !farHub.isDetailed());
    assertTrue(guest.isDetailed(), "a node in view has its details");
    assertTrue(nameOf(farHub).isEmpty(), "one screens away has not");
    assertFalse(farHub.isOverview(), "but is drawn in the full-detail look");
  }

  @Test
  void zoomingOutMidDragKeepsTheDraggedWiresAttachedToTheMovedPort(FxRobot robot) {
    NodeView guest = window.canvas().node("guest1");
    Endpoint nic = Endpoint.of("guest1", "nic0");
    MoveGesture[] g = new MoveGesture[1];
    robot.interact(() -> {
      g[0] = new MoveGesture(window.canvas(), window.canvasViewModel(), Set.of("guest1"), Point2D.ZERO);
      g[0].drag(new Point2D(0, 100), Point2D.ZERO);
    });
    zoomTo(robot, 0.3);
    Path stretched = (Path) window.canvas().lookupAll(".wire-batch").stream().filter(n -> n != wireBatch())
        .findFirst().orElseThrow();
    Point2D port = guest.anchor(nic);
    assertTrue(stretched.getElements().stream().anyMatch(e -> e instanceof LineTo l
        && (new Point2D(l.getX(), l.getY()).equals(port)) || e instanceof javafx.scene.shape.MoveTo m
        && new Point2D(m.getX(), m.getY()).equals(port)), "the dragged wire still ends at the moved port");
    robot.interact(() -> g[0].release(new Point2D(0, 100), Point2D.ZERO));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(0, guest.getTranslateX() + guest.getTranslateY(), 1e-9, "placed for good by the drop");
    Node box = boxOf(guest);
    assertTrue(box.getPseudoClassStates().contains(CanvasStyles.OVERVIEW));
  }
}
