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
import java.nio.file.Path;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window around the document: title, closing with unsaved changes, recent files. */
@ExtendWith(ApplicationExtension.class)
class WindowUiTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "hub-nics.json");
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/window-" + ProcessHandle.current().pid());
  private DesignerWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    Platform.setImplicitExit(false);
    this.stage = stage;
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(5), new RecentFiles(prefs));
    stage.show();
  }

  @AfterEach
  void dropPrefs() throws Exception {
    prefs.removeNode();
  }


  private MenuItem menuItem(FxRobot robot, String menu, String id) {
    MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
    Menu m = bar.getMenus().stream().filter(x -> x.getText().equals(menu)).findFirst().orElseThrow();
    return m.getItems().stream().filter(i -> id.equals(i.getId()) || id.equals(i.getText())).findFirst().orElseThrow();
  }

  private void answerUnsavedQuestion(FxRobot robot, ButtonBar.ButtonData answer) throws Exception {
    waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertEquals("The design has unsaved changes", pane.getHeaderText());
    ButtonType button = pane.getButtonTypes().stream().filter(b -> b.getButtonData() == answer).findFirst().orElseThrow();
    robot.clickOn(pane.lookupButton(button));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theTitleStarsUnsavedChanges(FxRobot robot) {
    robot.interact(() -> window.canvasViewModel().addElement(ElementKind.HUB, new Point(100, 100)));
    assertEquals("*untitled - Patchbay", stage.getTitle());
  }

  @Test
  void quitWithUnsavedChangesAsksAndCancelKeepsTheWindow(FxRobot robot) throws Exception {
    robot.interact(() -> window.canvasViewModel().addElement(ElementKind.HUB, new Point(100, 100)));
    MenuItem quit = menuItem(robot, "File", "menuQuit");
    Platform.runLater(quit::fire);
    answerUnsavedQuestion(robot, ButtonBar.ButtonData.CANCEL_CLOSE);
    assertTrue(stage.isShowing());
    assertTrue(window.document().isDirty());
  }

  @Test
  void quitWithUnsavedChangesAndDontSaveClosesTheWindow(FxRobot robot) throws Exception {
    robot.interact(() -> window.canvasViewModel().addElement(ElementKind.HUB, new Point(100, 100)));
    MenuItem quit = menuItem(robot, "File", "menuQuit");
    Platform.runLater(quit::fire);
    answerUnsavedQuestion(robot, ButtonBar.ButtonData.NO);
    waitUntil(() -> !stage.isShowing());
    assertFalse(stage.isShowing());
  }

  @Test
  void anOpenedFileIsOfferedUnderOpenRecent(FxRobot robot) {
    robot.interact(() -> window.files().open(SAMPLE));
    Menu recent = (Menu) menuItem(robot, "File", "Open Recent");
    assertFalse(recent.isDisable());
    assertEquals(SAMPLE.toAbsolutePath().normalize().toString(), recent.getItems().get(0).getText());
  }
}
