package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.UserAction;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.topology.ElementKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Where a newcomer starts: the empty canvas's hint, the Help menu, the palette's tooltips. */
@ExtendWith(ApplicationExtension.class)
class StartAndHelpUiTest {
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/start-ui-" + ProcessHandle.current().pid());
  private DesignerWindow window;

  @Start
  void start(Stage stage) {
    Platform.setImplicitExit(false);
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(5), new RecentFiles(prefs));
    stage.show();
  }

  @AfterEach
  void dropPrefs(FxRobot robot) throws Exception {
    robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != window.scene().getWindow())
        .filter(w -> w instanceof Stage).forEach(w -> ((Stage) w).close()));
    prefs.removeNode();
  }

  private boolean hintShown(FxRobot robot) {
    return robot.lookup("#startHint").tryQuery().map(Node::isVisible).orElse(false);
  }

  private MenuItem item(FxRobot robot, String menu, String id) {
    MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
    Menu m = bar.getMenus().stream().filter(x -> x.getText().equals(menu)).findFirst().orElseThrow();
    return m.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
  }

  @Test
  void theEmptyCanvasSaysWhereToStartUntilTheDesignHasAnElement(FxRobot robot) throws Exception {
    assertTrue(hintShown(robot), "an empty design shows the hint");
    Node hint = robot.lookup("#startHint").query();
    assertTrue(hint.isMouseTransparent(), "clicks and drops go to the canvas under it");
    robot.interact(() -> window.canvasViewModel().addElement(ElementKind.GUEST, new dev.patchbay.model.topology.Point(100, 100)));
    waitUntil(() -> !hintShown(robot));
    robot.interact(window.document()::undo);
    waitUntil(() -> hintShown(robot));
    robot.interact(() -> window.files().open(Path.of(System.getProperty("patchbay.samples", "../samples"),
        "nat-bridge.json")));
    waitUntil(() -> !hintShown(robot));
    robot.interact(window.document()::newDocument);
    waitUntil(() -> hintShown(robot));
  }

  @Test
  void aDropFromThePaletteOntoTheHintAddsTheElementThere(FxRobot robot) throws Exception {
    Bounds hint = robot.lookup("#startHint").query().localToScreen(robot.lookup("#startHint").query().getBoundsInLocal());
    Point2D middle = new Point2D(hint.getCenterX(), hint.getCenterY());
    robot.drag("#palette-hub").moveTo(middle).drop();
    waitUntil(() -> window.document().topology().elements().size() == 1);
    assertFalse(hintShown(robot));
  }

  @Test
  void keyboardShortcutsListsEveryKeyOfTheActions(FxRobot robot) throws Exception {
    Platform.runLater(item(robot, "Help", "menuShortcuts")::fire);
    waitUntil(() -> robot.lookup("#shortcutsTable").tryQuery().isPresent());
    TableView<?> table = robot.lookup("#shortcutsTable").queryAs(TableView.class);
    List<UserAction> keyed = window.actions().all().stream().filter(a -> a.accelerator().isPresent()).toList();
    assertEquals(keyed.size(), table.getItems().size(), "one row per action with a key");
    String rows = table.getItems().toString();
    for (UserAction a : keyed) {
      assertTrue(rows.contains("action=" + a.name() + ", keys=" + a.accelerator().get().getDisplayText()), a + " in " + rows);
    }
    assertTrue(rows.contains("action=Duplicate"), rows);
    assertTrue(rows.contains("action=Distribute horizontally"), rows);
  }

  @Test
  void f1OpensTheShortcuts(FxRobot robot) throws Exception {
    robot.clickOn("#canvas");
    robot.type(KeyCode.F1);
    waitUntil(() -> robot.lookup("#shortcutsTable").tryQuery().isPresent());
  }

  @Test
  void fileFormatShowsFormatMdFromInsideTheProgram(FxRobot robot) throws Exception {
    Platform.runLater(item(robot, "Help", "menuFileFormat")::fire);
    waitUntil(() -> robot.lookup("#fileFormatText").tryQuery().isPresent());
    String shown = robot.lookup("#fileFormatText").queryAs(TextArea.class).getText();
    assertEquals(Files.readString(Path.of("..", "model", "FORMAT.md"), StandardCharsets.UTF_8), shown);
  }

  @Test
  void aboutNamesTheVersionAndTheBundledLibrariesLicences(FxRobot robot) throws Exception {
    Platform.runLater(item(robot, "Help", "menuAbout")::fire);
    waitUntil(() -> robot.lookup("#aboutText").tryQuery().isPresent());
    String about = robot.lookup("#aboutText").queryAs(TextArea.class).getText();
    assertTrue(about.startsWith("Patchbay "), about);
    assertTrue(about.contains("OpenJFX (JavaFX) " + System.getProperty("javafx.runtime.version")
        + ": GPL v2 with the Classpath Exception"), about);
    assertTrue(about.contains("ControlsFX: BSD 3-Clause"), about);
    assertTrue(about.contains("picocli: Apache License 2.0"), about);
    assertTrue(about.matches("(?s).*Jackson \\(databind, YAML, XML\\) 2\\.\\d+\\.\\d+: Apache License 2\\.0.*"), about);
    DialogPane pane = robot.lookup("#aboutDialog").queryAs(DialogPane.class);
    assertTrue(pane.getHeaderText().startsWith("Patchbay "), pane.getHeaderText());
  }

  @Test
  void paletteTooltipsSayWhatEachElementIsInQemuTerms(FxRobot robot) {
    String[][] expected = {
        {"guest", "QEMU virtual machine"}, {"hub", "hubport"}, {"tap", "-netdev tap"}, {"bridge", "Linux bridge"},
        {"uplink", "eth0"}, {"socket", "-netdev socket"}, {"vde", "vde_switch"}, {"user", "slirp"},
        {"lan", "real network"}, {"internet", "gateway"}};
    for (String[] e : expected) {
      Node row = robot.lookup("#palette-" + e[0]).query();
      Tooltip tip = (Tooltip) row.getProperties().get("javafx.scene.control.Tooltip");
      assertTrue(tip.getText().contains(e[1]), e[0] + ": " + tip.getText());
      assertTrue(tip.getText().contains("Drag onto the canvas"), tip.getText());
    }
  }
}
