package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A sample stays as shipped: the unsaved-changes question offers Save As for it, Save for the user's own files. */
@ExtendWith(ApplicationExtension.class)
class SampleSaveUiTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/sample-save-" + ProcessHandle.current().pid());
  private DesignerWindow window;
  @TempDir
  Path dir;

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

  /** Opens the file, moves GUEST1, and asks as New would; returns the question's default button's text. */
  private String defaultAnswerAfterAnEdit(FxRobot robot, Path file) throws Exception {
    robot.interact(() -> window.files().open(file));
    robot.interact(() -> {
      window.canvasViewModel().selection().select("guest1");
      window.canvasViewModel().nudge(20, 0);
    });
    assertTrue(window.document().isDirty());
    Platform.runLater(window.files()::confirmDiscard);
    waitUntil(() -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
    DialogPane pane = robot.lookup("#unsavedDialog").queryAs(DialogPane.class);
    String answer = pane.getButtonTypes().stream().map(b -> (Button) pane.lookupButton(b))
        .filter(Button::isDefaultButton).map(Button::getText).findFirst().orElseThrow();
    robot.clickOn((Button) pane.lookupButton(ButtonType.CANCEL));
    waitUntil(() -> robot.lookup("#unsavedDialog").tryQuery().isEmpty());
    return answer;
  }

  @Test
  void aShippedSampleOffersSaveAsAndNamesTheSample(FxRobot robot) throws Exception {
    Path copy = dir.resolve("nat-bridge.json");
    Files.copy(SAMPLE, copy);
    assertEquals("Save As...", defaultAnswerAfterAnEdit(robot, copy));
    assertTrue(window.document().isFromSample());
    assertEquals(Files.readString(SAMPLE), Files.readString(copy), "the sample is untouched");
  }

  @Test
  void theUsersOwnFileOffersSave(FxRobot robot) throws Exception {
    Path mine = dir.resolve("my-lab.json");
    Files.copy(SAMPLE, mine);
    assertEquals("Save", defaultAnswerAfterAnEdit(robot, mine));
    assertFalse(window.document().isFromSample());
  }

  @Test
  void aSampleSavedElsewhereIsTheUsersFileFromThenOn(FxRobot robot) throws Exception {
    Path copy = dir.resolve("nat-bridge.json");
    Files.copy(SAMPLE, copy);
    robot.interact(() -> window.files().open(copy));
    assertTrue(window.document().isFromSample());
    Path mine = dir.resolve("mine.json");
    robot.interact(() -> window.files().saveTo(mine));
    assertFalse(window.document().isFromSample());
    assertEquals("Save", defaultAnswerAfterAnEdit(robot, mine));
  }
}
