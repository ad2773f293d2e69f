package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.topology.Guest;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File > Import > From another tool, files dropped on the window, and files from a newer Patchbay. */
@ExtendWith(ApplicationExtension.class)
class ImportUiTest {
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/import-" + ProcessHandle.current().pid());
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

  private static Path fixture(String name) throws Exception {
    return Path.of(ImportUiTest.class.getResource("/imports/" + name).toURI());
  }


  @Test
  void theImportMenuOffersOtherToolsFirst(FxRobot robot) {
    MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
    Menu file = bar.getMenus().get(0);
    Menu imports = (Menu) file.getItems().stream().filter(i -> "Import".equals(i.getText())).findFirst().orElseThrow();
    MenuItem first = imports.getItems().get(0);
    assertEquals("From another tool...", first.getText());
    assertEquals("ImportOther", window.actions().get("ImportOther").id());
  }

  @Test
  void aDroppedStartScriptBecomesANewUnsavedDesignWithAReport(FxRobot robot) throws Exception {
    robot.interact(() -> {
      try {
        window.files().openDropped(List.of(fixture("lab-start.sh")));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    waitUntil(() -> robot.lookup("#importReport").tryQuery().isPresent());
    assertEquals(2, window.document().topology().elementsOf(Guest.class).count());
    assertTrue(window.document().file().isEmpty(), "an import is a new design, saved where the user says");
    assertTrue(window.document().topology().note(Importers.NOTE_ID).isPresent());
    String report = robot.lookup("#importReport").queryAs(DialogPane.class).getContent() instanceof TextArea t
        ? t.getText() : "";
    assertTrue(report.contains("wait (shell command)"), report);
    assertTrue(window.problemsViewModel().summaryProperty().get().contains("warning"),
        window.problemsViewModel().summaryProperty().get());
    assertTrue(robot.lookup("#status").queryLabeled().getText().startsWith("Imported 4 elements from the QEMU"));
  }

  @Test
  void aDroppedDesignOpensAsBefore(FxRobot robot) throws Exception {
    Path sample = Path.of(System.getProperty("patchbay.samples", "../samples"), "hub-nics.json");
    robot.interact(() -> window.files().openDropped(List.of(sample)));
    waitUntil(() -> window.document().file().isPresent());
    assertEquals(sample, window.document().file().get());
  }

  @Test
  void aFileNothingReadsShowsWhyAndKeepsTheDesign(FxRobot robot) throws Exception {
    robot.interact(() -> {
      try {
        window.files().openDropped(List.of(fixture("notes.txt")));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
    DialogPane pane = robot.lookup("#errorDialog").queryAs(DialogPane.class);
    assertTrue(pane.getContentText().contains("notes.txt is neither a Patchbay design"), pane.getContentText());
  }

  @Test
  void aFileFromANewerPatchbayOpensWithTheFieldsItKeepsListed(FxRobot robot) throws Exception {
    Path newer = fixture("newer-minor.json");
    robot.interact(() -> window.files().open(newer));
    waitUntil(() -> robot.lookup("#newerFieldsDialog").tryQuery().isPresent());
    DialogPane pane = robot.lookup("#newerFieldsDialog").queryAs(DialogPane.class);
    String text = ((TextArea) pane.getContent()).getText();
    assertTrue(text.contains("format version 1.3") && text.contains("/links/0/delayMs"), text);
  }
}
