package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.bundle.BundlePacker;
import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A guest whose disk image is missing: its badge, Relink with undo, and File > Open Bundle. */
@ExtendWith(ApplicationExtension.class)
class DiskImagesUiTest {
  private static final Path SAMPLES = Path.of(System.getProperty("patchbay.samples", "../samples"));
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/disk-" + ProcessHandle.current().pid());
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


  private Path sampleCopy() throws Exception {
    return Files.copy(SAMPLES.resolve("user-net-hostfwd.json"), dir.resolve("user-net-hostfwd.json"));
  }

  private boolean missingFinding() {
    return window.problemsViewModel().diagnostics().stream().anyMatch(d -> d.rule().equals("disk.missing"));
  }

  @Test
  void aMissingImageIsBadgedAndRelinkClearsItUntilUndo(FxRobot robot) throws Exception {
    Path file = sampleCopy();
    Path image = Files.write(Files.createDirectories(dir.resolve("images")).resolve("sol11.img"), new byte[] {7});
    Platform.runLater(() -> window.files().open(file));
    waitUntil(() -> window.document().file().isPresent() && missingFinding());
    assertTrue(window.canvas().node("sol11").hasBadge(), "the guest carries a badge");
    assertTrue(robot.lookup("#badge-sol11").tryQuery().isPresent());
    assertFalse(window.actions().get("RelinkDisk").enabledWhen().get(), "no guest selected yet");
    Platform.runLater(() -> window.canvasViewModel().selection().select("sol11"));
    waitUntil(() -> window.actions().get("RelinkDisk").enabledWhen().get());
    Platform.runLater(() -> window.disks().relink("sol11", image));
    waitUntil(() -> !missingFinding());
    assertFalse(window.canvas().node("sol11").hasBadge() && robot.lookup("#badge-sol11").query().isVisible(),
        "the badge is gone");
    Platform.runLater(() -> window.document().undo());
    waitUntil(this::missingFinding);
    assertTrue(robot.lookup("#badge-sol11").query().isVisible(), "undo brings the badge back");
  }

  @Test
  void applyRefusesAMissingImageAndCancelIsTheDefault(FxRobot robot) throws Exception {
    Path file = sampleCopy();
    robot.interact(() -> window.files().open(file));
    Platform.runLater(() -> window.actions().get("Apply").perform());
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#missingImages").tryQuery().isPresent());
    javafx.scene.control.DialogPane pane = robot.lookup("#missingImages").queryAs(javafx.scene.control.DialogPane.class);
    assertTrue(pane.getContentText().contains("guest sol11: disk image sol11.img is missing (expected at "
        + file.toAbsolutePath().getParent().resolve("sol11.img") + ")"), pane.getContentText());
    javafx.scene.control.Button cancel =
        (javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL);
    assertTrue(cancel.isDefaultButton(), "Enter boots nothing");
    robot.clickOn(cancel);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(dev.patchbay.app.designer.lab.LabViewModel.State.DESIGN, window.lab().stateProperty().get());
    assertFalse(robot.lookup("#applyPlanText").tryQuery().isPresent(), "no plan is offered");
  }

  @Test
  void openBundleUnpacksIntoTheFolderAndOpensTheDesign(FxRobot robot) throws Exception {
    Path file = sampleCopy();
    Files.write(dir.resolve("sol11.img"), new byte[64]);
    Path zip = dir.resolve("lab.zip");
    new BundlePacker().pack(file, zip, true, false);
    Path there = dir.resolve("there");
    Platform.runLater(() -> window.files().unpackAndOpen(zip, there, false));
    waitUntil(() -> window.document().file().filter(p -> p.startsWith(there.toAbsolutePath())).isPresent());
    assertTrue(Files.exists(there.resolve("sol11.img")));
    assertFalse(missingFinding(), "the unpacked image is found");
    assertTrue(window.canvasViewModel().statusProperty().get().contains("sha256 matches the manifest"),
        window.canvasViewModel().statusProperty().get());
  }
}
