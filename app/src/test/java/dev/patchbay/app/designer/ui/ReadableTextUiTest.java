package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** No text in the designer is drawn smaller than 11 px at 100% zoom: names, details, tags, panels, status. */
@ExtendWith(ApplicationExtension.class)
class ReadableTextUiTest {
  private static final Path SAMPLES = Path.of(System.getProperty("patchbay.samples", "../samples"));
  private static final double SMALLEST = 11;
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/text-" + ProcessHandle.current().pid());
  private DesignerWindow window;

  @Start
  void start(Stage stage) {
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(5), new RecentFiles(prefs));
    stage.show();
  }

  @AfterEach
  void dropPrefs() throws Exception {
    prefs.removeNode();
  }

  /** The Wi-Fi sample has the small tag on its uplink; a guest is selected, another runs in a lab. */
  @Test
  void everyTextOfASampleDesignIsAtLeast11PxAt100Percent(FxRobot robot) throws Exception {
    for (String sample : List.of("wifi-proxy-arp.json", "nat-bridge.json")) {
      robot.interact(() -> window.files().open(SAMPLES.resolve(sample)));
      waitUntil(() -> !window.canvas().nodes().isEmpty());
      robot.interact(() -> {
        window.canvas().zoomBy(1 / window.canvas().zoomFactor(), new Point2D(0, 0));
        var nodes = new ArrayList<>(window.canvas().nodes());
        window.canvasViewModel().selection().select(nodes.get(0).element().id());
        nodes.get(nodes.size() - 1).setLiveState("running", "pid 1"); // a running guest's state label
      });
      assertEquals(1.0, window.canvas().zoomFactor(), 1e-9);
      List<String> small = new ArrayList<>();
      int[] seen = {0};
      for (TabPane tabs : robot.lookup(".tab-pane").queryAllAs(TabPane.class)) {
        for (int i = 0; i < tabs.getTabs().size(); i++) {
          int tab = i;
          robot.interact(() -> {
            tabs.getSelectionModel().select(tab);
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
          });
          ThemeUiTest.walk(window.scene().getRoot(), n -> {
            if (n instanceof Text t && !t.getText().isBlank()) {
              seen[0]++;
              double size = t.getFont().getSize() * scale(t.getLocalToSceneTransform());
              if (size < SMALLEST - 1e-6) {
                small.add(String.format("%s: '%s' at %.1f px in %s", sample, t.getText(), size, styleOf(t)));
              }
            }
          });
        }
      }
      assertTrue(seen[0] > 50, "the walk found the texts: " + seen[0]);
      assertEquals(List.of(), small.stream().distinct().toList());
    }
  }

  private static double scale(Transform t) {
    return Math.hypot(t.getMyx(), t.getMyy()); // the height of a unit of text once drawn
  }

  private static String styleOf(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.getStyleClass().isEmpty() && !p.getStyleClass().contains("text")) {
        return p.getStyleClass().toString();
      }
    }
    return "?";
  }
}
