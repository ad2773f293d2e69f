package dev.patchbay.app.designer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.app.designer.lab.LabViewModel;
import dev.patchbay.model.check.rules.StandardRules;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
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

/** Lab > Apply to This Host: the plan and a warning first, and the safe answer is the default one. */
@ExtendWith(ApplicationExtension.class)
class LabMenuUiTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"),
      "bridged-lan.json");
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/labmenu-" + ProcessHandle.current().pid());
  private DesignerWindow window;

  @Start
  void start(Stage stage) {
    Platform.setImplicitExit(false);
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(5), new RecentFiles(prefs));
    stage.show();
  }

  @AfterEach
  void dropPrefs() throws Exception {
    prefs.removeNode();
  }

  private MenuItem labItem(FxRobot robot, String id) {
    MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
    Menu lab = bar.getMenus().stream().filter(m -> m.getText().equals("Lab")).findFirst().orElseThrow();
    return lab.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
  }

  /** A design with errors: Verify names them first, and verifies only when the user goes ahead. */
  @Test
  void verifyOfADesignWithErrorsNamesThemAndCancelVerifiesNothing(FxRobot robot) throws Exception {
    Path broken = java.nio.file.Files.createTempFile("pb-broken-", ".json");
    try {
      java.nio.file.Files.writeString(broken, java.nio.file.Files.readString(SAMPLE.resolveSibling("nat-routing.json"))
          .replace("\"ipForward\": true", "\"ipForward\": false"));
      robot.interact(() -> window.files().open(broken));
      Platform.runLater(labItem(robot, "menuVerify")::fire);
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#verifyFindings").tryQuery().isPresent());
      String findings = robot.lookup("#verifyFindings").queryAs(javafx.scene.control.TextArea.class).getText();
      assertTrue(findings.contains("error: the host masquerades out of eth0 but ip_forward is off"), findings);
      DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
      assertTrue(pane.getButtonTypes().stream().anyMatch(b -> b.getText().equals("Verify Anyway")), "it offers to go ahead");
      robot.clickOn((Button) pane.lookupButton(ButtonType.CANCEL));
      WaitForAsyncUtils.waitForFxEvents();
      assertEquals(LabViewModel.State.DESIGN, window.lab().stateProperty().get(), "nothing was verified");
    } finally {
      java.nio.file.Files.deleteIfExists(broken);
    }
  }

  @Test
  void applyToThisHostShowsThePlanAndTheWarningAndCancelIsTheDefault(FxRobot robot) throws Exception {
    robot.interact(() -> window.files().open(SAMPLE));
    Platform.runLater(labItem(robot, "menuApplyHost")::fire);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#applyHostWarning").tryQuery().isPresent());
    DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertTrue(pane.getHeaderText().contains("THIS HOST"), pane.getHeaderText());
    String warning = robot.lookup("#applyHostWarning").queryAs(Label.class).getText();
    assertTrue(warning.contains("not a sandbox") && warning.contains("Keep Changes within 60 s"), warning);
    assertTrue(robot.lookup("#applyPlanText").queryAs(javafx.scene.control.TextArea.class).getText()
        .contains("enslave eth0"), "the full plan is shown");
    Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
    assertTrue(cancel.isDefaultButton(), "Enter does not change the host");
    robot.clickOn(cancel);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(LabViewModel.State.DESIGN, window.lab().stateProperty().get(), "nothing was applied");
  }
}
