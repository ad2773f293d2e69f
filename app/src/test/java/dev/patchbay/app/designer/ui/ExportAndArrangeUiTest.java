package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File > Export to SVG, the arrange keys, and notes from the Edit and context menus. */
@ExtendWith(ApplicationExtension.class)
class ExportAndArrangeUiTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/export-ui-" + ProcessHandle.current().pid());
  private DesignerWindow window;
  @TempDir
  Path dir;

  @Start
  void start(Stage stage) {
    Platform.setImplicitExit(false);
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(5), new RecentFiles(prefs));
    stage.show();
  }

  @BeforeEach
  void open(FxRobot robot) {
    robot.interact(() -> window.files().open(SAMPLE));
  }

  @AfterEach
  void dropPrefs() throws Exception {
    prefs.removeNode();
  }

  private MenuItem item(FxRobot robot, String id) {
    MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
    List<MenuItem> all = new ArrayList<>();
    bar.getMenus().forEach(m -> collect(m, all));
    return all.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError("no " + id));
  }

  private static void collect(Menu m, List<MenuItem> out) {
    for (MenuItem i : m.getItems()) {
      out.add(i);
      if (i instanceof Menu sub) {
        collect(sub, out);
      }
    }
  }

  @Test
  void theExportMenuSavesAnSvgAndAFailureIsShown(FxRobot robot) throws Exception {
    assertEquals("SVG image...", item(robot, "menuExportSvg").getText());
    Path svg = dir.resolve("lab.svg");
    boolean[] done = new boolean[2];
    robot.interact(() -> done[0] = window.files().exportSvgTo(svg));
    assertTrue(done[0]);
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<svg") || text.startsWith("<?xml"), text.substring(0, 60));
    assertTrue(text.contains("GUEST1"), "the design's names are drawn");
    Path nowhere = dir.resolve("gone").resolve("lab.svg");
    robot.interact(() -> done[1] = window.files().exportSvgTo(nowhere));
    assertFalse(done[1]);
    waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
  }

  @Test
  void theTextPreviewHasASaveButton(FxRobot robot) throws Exception {
    Platform.runLater(item(robot, "menuExportAscii")::fire);
    waitUntil(() -> robot.lookup("#asciiPreviewSave").tryQuery().isPresent());
  }

  private List<String> threeHubs(FxRobot robot) {
    List<String> hubs = new ArrayList<>();
    robot.interact(() -> {
      hubs.add(window.canvasViewModel().addElement(ElementKind.HUB, new Point(100, 700)).id());
      hubs.add(window.canvasViewModel().addElement(ElementKind.HUB, new Point(160, 820)).id());
      hubs.add(window.canvasViewModel().addElement(ElementKind.HUB, new Point(600, 760)).id());
      window.canvasViewModel().selection().selectAll(hubs);
    });
    return hubs;
  }

  private Point at(String id) {
    return window.document().topology().position(id).orElseThrow();
  }

  @Test
  void distributeHorizontallyHasAKeyAndSpacesTheMiddleOneEvenly(FxRobot robot) throws Exception {
    List<String> hubs = threeHubs(robot);
    robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.H);
    waitUntil(() -> at(hubs.get(1)).x() != 160);
    double left = at(hubs.get(0)).x();
    double right = at(hubs.get(2)).x();
    assertEquals((left + right) / 2, at(hubs.get(1)).x(), 1e-9, "equal gaps between boxes of one width");
    assertEquals(820, at(hubs.get(1)).y(), "only along x");
  }

  @Test
  void alignLeftHasAKey(FxRobot robot) throws Exception {
    List<String> hubs = threeHubs(robot);
    robot.push(KeyCode.ALT, KeyCode.SHIFT, KeyCode.L);
    waitUntil(() -> at(hubs.get(2)).x() == at(hubs.get(0)).x());
    assertEquals(at(hubs.get(0)).x(), at(hubs.get(1)).x());
  }

  @Test
  void addNoteWorksFromTheEditMenuAndTheCanvasContextMenu(FxRobot robot) throws Exception {
    int before = window.document().topology().notes().size();
    Platform.runLater(item(robot, "menuAddNote")::fire);
    waitUntil(() -> window.document().topology().notes().size() == before + 1);
    // a click on the canvas's empty corner (the first note sits in the middle, selected): with
    // nothing selected, the keyboard opens the canvas's own menu
    javafx.geometry.Bounds canvas = robot.lookup("#canvas").query().localToScreen(
        robot.lookup("#canvas").query().getBoundsInLocal());
    robot.clickOn(canvas.getMinX() + 15, canvas.getMinY() + 15);
    waitUntil(() -> window.canvasViewModel().selection().snapshot().isEmpty());
    robot.push(KeyCode.SHIFT, KeyCode.F10);
    waitUntil(() -> robot.lookup("#contextAddNote").tryQuery().isPresent());
    robot.clickOn("#contextAddNote");
    waitUntil(() -> window.document().topology().notes().size() == before + 2);
    String note = window.canvasViewModel().selection().snapshot().iterator().next();
    assertTrue(window.canvas().note(note) != null, "drawn and selected");
    robot.push(KeyCode.SHIFT, KeyCode.F10);
    waitUntil(() -> robot.lookup("#contextEditNote").tryQuery().isPresent());
    robot.clickOn("#contextEditNote");
    waitUntil(() -> robot.lookup("#noteText").tryQuery().isPresent());
  }

  @Test
  void theArrangeMenuOffersDistribute(FxRobot robot) {
    assertEquals("Distribute vertically", item(robot, "menuAlignDISTRIBUTE_VERTICAL").getText());
    assertEquals("Distribute horizontally", item(robot, "menuAlignDISTRIBUTE_HORIZONTAL").getText());
  }
}
