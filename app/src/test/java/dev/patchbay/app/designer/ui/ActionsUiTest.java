package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Point;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** One action, reached from the toolbar, the menus, the keyboard or the canvas's context menu. */
@ExtendWith(ApplicationExtension.class)
class ActionsUiTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/actions-ui-" + ProcessHandle.current().pid());
  private DesignerWindow window;

  @Start
  void start(Stage stage) {
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


  private MenuItem menuUndo(FxRobot robot) {
    MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
    return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> "menuUndo".equals(i.getId()))
        .findFirst().orElseThrow();
  }

  private boolean has(String id) {
    return window.document().topology().contains(id);
  }

  @Test
  void undoFromTheToolbarTheMenuAndTheKeyboardTakesBackTheSameStackStepByStep(FxRobot robot) throws Exception {
    CommandStack stack = window.document().stack();
    List<String> hubs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int x = 100 + 140 * i;
      robot.interact(() -> hubs.add(window.canvasViewModel().addElement(ElementKind.HUB, new Point(x, 600)).id()));
    }
    assertTrue(hubs.stream().allMatch(this::has));
    Button toolUndo = robot.lookup("#toolUndo").queryAs(Button.class);
    String tip = toolUndo.getTooltip().getText();
    assertTrue(tip.startsWith(menuUndo(robot).getText() + " ("), tip + ": the tooltip names the step the menu names");

    robot.clickOn(toolUndo);
    waitUntil(() -> !has(hubs.get(2)));
    assertTrue(has(hubs.get(1)));

    robot.clickOn("Edit");
    robot.clickOn("#menuUndo");
    waitUntil(() -> !has(hubs.get(1)));
    assertTrue(has(hubs.get(0)));

    robot.push(KeyCode.CONTROL, KeyCode.Z);
    waitUntil(() -> !has(hubs.get(0)));

    assertSame(stack, window.document().stack(), "all three acted on the one stack of the open document");
    assertFalse(stack.canUndo(), "the three edits are gone, and nothing before them (the file was just opened)");
    assertTrue(toolUndo.isDisable());
    assertTrue(menuUndo(robot).isDisable());
    assertTrue(stack.canRedo());
    assertTrue(window.document().redoLabelProperty().get().startsWith("Redo Add hub"));
  }

  @Test
  void shiftF10OnTheCanvasOpensItsContextMenuWhoseDeleteDeletesTheSelection(FxRobot robot) throws Exception {
    robot.clickOn("#node-tap0");
    robot.push(KeyCode.SHIFT, KeyCode.F10);
    waitUntil(() -> robot.lookup("#contextDelete").tryQuery().isPresent());
    robot.clickOn("#contextDelete");
    waitUntil(() -> !has("tap0"));
    assertEquals(4, window.document().topology().links().size(), "the tap went with its links");
    assertTrue(window.canvasViewModel().selection().isEmpty(), "nothing is left selected to delete");
  }

  @Test
  void aKeyboardContextMenuRequestOnTheCanvasOpensTheSameMenu(FxRobot robot) throws Exception {
    Node canvas = robot.lookup("#canvas").query();
    Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
    robot.interact(() -> Event.fireEvent(canvas, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
        b.getWidth() / 2, b.getHeight() / 2, b.getCenterX(), b.getCenterY(), true, null)));
    waitUntil(() -> robot.lookup("#contextPaste").tryQuery().isPresent());
    robot.push(KeyCode.ESCAPE);
  }
}
