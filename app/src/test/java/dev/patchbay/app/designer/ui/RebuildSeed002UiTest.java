package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.HostSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The issue's "done when", with mouse and keyboard only: NAT behind a bridge drawn from an empty
 * canvas, checked, saved, reopened identical, and undone step by step back to empty.
 */
@ExtendWith(ApplicationExtension.class)
class RebuildSeed002UiTest {
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/rebuild-" + ProcessHandle.current().pid());
  private DesignerWindow window;
  private int actions;

  @TempDir
  Path dir;

  @Start
  void start(Stage stage) {
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(11), new RecentFiles(prefs));
    stage.show();
  }

  @AfterEach
  void dropPrefs() throws Exception {
    prefs.removeNode();
  }


  private void drop(FxRobot robot, String kind, double x, double y, String expectedId) throws Exception {
    Node canvas = robot.lookup("#canvas").query();
    Point2D at = canvas.localToScreen(x, y);
    robot.drag("#palette-" + kind).dropTo(robot.point(at));
    waitUntil(() -> window.document().topology().contains(expectedId));
    actions++;
  }

  private void wire(FxRobot robot, String port, String node) throws Exception {
    int before = window.document().topology().links().size();
    robot.drag("#" + port).dropTo("#" + node);
    waitUntil(() -> window.document().topology().links().size() == before + 1);
    actions++;
  }

  private void type(FxRobot robot, String node, String field, String text) throws Exception {
    robot.clickOn("#" + node);
    waitUntil(() -> robot.lookup("#" + field).tryQuery().isPresent());
    String undo = window.document().undoLabelProperty().get();
    robot.clickOn("#" + field).push(KeyCode.CONTROL, KeyCode.A).write(text).type(KeyCode.ENTER);
    waitUntil(() -> !window.document().undoLabelProperty().get().equals(undo));
    actions++;
  }

  private void choose(FxRobot robot, String node, String field, String choice) throws Exception {
    robot.clickOn("#" + node);
    String undo = window.document().undoLabelProperty().get();
    robot.clickOn("#" + field).clickOn(choice);
    waitUntil(() -> !window.document().undoLabelProperty().get().equals(undo));
    actions++;
  }

  private void draw(FxRobot robot) throws Exception {
    drop(robot, "internet", 120, 60, "inet0");
    drop(robot, "lan", 120, 200, "lan0");
    drop(robot, "uplink", 300, 200, "eth0");
    drop(robot, "bridge", 300, 430, "br0");
    drop(robot, "tap", 470, 360, "tap0");
    drop(robot, "tap", 470, 500, "tap1");
    drop(robot, "guest", 650, 360, "g0");
    drop(robot, "guest", 650, 520, "g1");
    wire(robot, "port-lan0", "node-inet0");
    wire(robot, "port-eth0", "node-lan0");
    wire(robot, "port-tap0", "node-br0");
    wire(robot, "port-tap1", "node-br0");
    wire(robot, "port-g0-nic0", "node-tap0");
    wire(robot, "port-g1-nic0", "node-tap1");
    type(robot, "node-inet0", "prop-Name", "Internet");
    type(robot, "node-lan0", "prop-Name", "LAN");
    type(robot, "node-eth0", "prop-Address", "10.0.0.10/8");
    type(robot, "node-eth0", "prop-Gateway", "10.0.0.1");
    type(robot, "node-br0", "prop-Address", "192.168.0.1/24");
    for (String g : List.of("g0", "g1")) {
      type(robot, "node-" + g, "prop-Name", g.equals("g0") ? "GUEST1" : "GUEST2");
      choose(robot, "node-" + g, "prop-nic0-addressing", "static");
      type(robot, "node-" + g, "prop-nic0-address", g.equals("g0") ? "192.168.0.10/24" : "192.168.0.11/24");
      type(robot, "node-" + g, "prop-nic0-gateway", "192.168.0.1");
    }
    robot.clickOn("#hostTab").clickOn("#ipForward");
    waitUntil(() -> window.document().topology().host().ipForward());
    robot.clickOn("#natInput").write("192.168.0.0/24 -> eth0").type(KeyCode.ENTER);
    waitUntil(() -> !window.document().topology().host().nat().isEmpty());
    actions += 2;
  }

  /** One test, because drawing by hand takes most of a minute on a headless robot. */
  @Test
  void drawnByHandItChecksCleanSavesUndoesToEmptyAndReopensIdentical(FxRobot robot) throws Exception {
    String empty = TopologyFiles.toJson(window.document().topology());
    draw(robot);
    assertEquals(List.of(new HostSettings.Nat("192.168.0.0/24", "eth0")), window.document().topology().host().nat());
    assertFalse(window.problemsViewModel().diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR),
        window.problemsViewModel().diagnostics().toString());
    Path file = dir.resolve("p2.json");
    robot.interact(() -> window.files().saveTo(file));
    String saved = Files.readString(file);

    Node canvas = robot.lookup("#canvas").query();
    robot.clickOn(robot.point(canvas.localToScreen(20, 20)));
    int undone = 0;
    while (window.document().stack().canUndo() && undone <= actions) {
      robot.push(KeyCode.CONTROL, KeyCode.Z);
      WaitForAsyncUtils.waitForFxEvents();
      undone++;
    }
    assertEquals(actions, undone, "one Ctrl+Z per action");
    assertEquals(empty, TopologyFiles.toJson(window.document().topology()));
    assertTrue(window.document().titleProperty().get().startsWith("*"), "the saved design was undone away");

    robot.interact(() -> window.files().open(file));
    assertEquals(saved, TopologyFiles.toJson(window.document().topology()), "reopened identical");
    assertEquals(8, window.canvas().nodes().size());
  }
}
