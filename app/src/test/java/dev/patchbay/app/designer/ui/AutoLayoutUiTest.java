package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.format.TopologyFiles;
import java.nio.file.Path;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Arrange > Auto Layout in the window: the nodes move where the model says, and one undo takes it back. */
@ExtendWith(ApplicationExtension.class)
class AutoLayoutUiTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/layout-ui-" + ProcessHandle.current().pid());
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


  private String json() {
    return TopologyFiles.toJson(window.document().topology());
  }

  @Test
  void arrangeAutoLayoutMovesTheNodesAndOneUndoPutsThemBack(FxRobot robot) throws Exception {
    String before = json();
    robot.clickOn("Arrange");
    robot.clickOn("#menuAutoLayout");
    waitUntil(() -> window.document().stack().canUndo());
    String after = json();
    assertNotEquals(before, after);
    Node tap = robot.lookup("#node-tap0").query();
    var p = window.document().topology().position("tap0").orElseThrow();
    assertEquals(p.x(), tap.getLayoutX(), 0.01, "the canvas shows the model's new place");
    assertEquals(p.y(), tap.getLayoutY(), 0.01);
    assertEquals("Undo Auto layout", window.document().undoLabelProperty().get());

    robot.clickOn("Edit");
    robot.clickOn("#menuUndo");
    waitUntil(() -> !window.document().stack().canUndo());
    assertEquals(before, json(), "one undo step");
    assertTrue(window.document().stack().canRedo());
  }
}
