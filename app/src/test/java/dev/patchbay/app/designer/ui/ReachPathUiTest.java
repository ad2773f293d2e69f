package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.edit.SetHostCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A Reachability cell selected in the matrix is drawn on the canvas; the matrix speaks in names and words. */
@ExtendWith(ApplicationExtension.class)
class ReachPathUiTest {
  private static final PseudoClass ON_PATH = PseudoClass.getPseudoClass("reach-path");
  private static final PseudoClass STOP = PseudoClass.getPseudoClass("reach-stop");
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/reach-ui-" + ProcessHandle.current().pid());
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

  private void open(FxRobot robot, String sample) throws Exception {
    Path file = Path.of(System.getProperty("patchbay.samples", "../samples"), sample + ".json");
    robot.interact(() -> window.files().open(file));
    robot.clickOn("Reachability");
    waitUntil(() -> window.reachability().matrix() != null && !window.reachability().matrix().rows().isEmpty());
  }

  private boolean has(FxRobot robot, String id, PseudoClass look) {
    return robot.lookup(id).query().getPseudoClassStates().contains(look);
  }

  private List<String> litWires(FxRobot robot) {
    return window.document().topology().links().stream().map(l -> l.id())
        .filter(id -> has(robot, "#link-" + id, ON_PATH)).toList();
  }

  @Test
  void selectingACellLightsItsWiresAndMarksWhereItStopsUntilTheSelectionOrTheDesignChanges(FxRobot robot)
      throws Exception {
    open(robot, "nat-bridge");
    robot.clickOn("#reach-guest1-__LAN");
    waitUntil(() -> has(robot, "#link-l4", ON_PATH));
    assertEquals(List.of("l1", "l2", "l4"), litWires(robot), "GUEST1 to tap0 to br0; the host; eth0 to the LAN");
    assertTrue(has(robot, "#node-guest1", ON_PATH) && has(robot, "#node-lan", ON_PATH));
    assertFalse(has(robot, "#node-guest2", ON_PATH));
    assertTrue(robot.lookup("#reachStop").tryQuery().isEmpty(), "a yes stops nowhere");

    robot.clickOn("#reach-guest1-LAN__");
    waitUntil(() -> has(robot, "#node-lan", STOP));
    assertEquals(List.of(), litWires(robot), "nothing from the LAN reaches a wire: NAT hides the guests");
    Label why = robot.lookup("#reachStop").queryAs(Label.class);
    assertTrue(why.getText().startsWith("Stops here: 192.168.0.0/24 is hidden behind the host's NAT"), why.getText());
    javafx.scene.layout.Region lan = robot.lookup("#node-lan").queryAs(javafx.scene.layout.Region.class);
    assertEquals(lan.getLayoutY() + lan.getHeight() + 8, why.getLayoutY(), 1e-6, "the reason sits under the element");

    robot.clickOn("#reach-guest1-LAN__");
    waitUntil(() -> !has(robot, "#node-lan", STOP));
    assertTrue(robot.lookup("#reachStop").tryQuery().isEmpty(), "a second click clears the cell and the canvas");

    robot.clickOn("#reach-guest1-__LAN");
    waitUntil(() -> has(robot, "#link-l4", ON_PATH));
    robot.interact(() -> window.document().push(
        new SetHostCommand(window.document().topology().host().withIpForward(false), "Stop forwarding")));
    waitUntil(() -> litWires(robot).isEmpty());
    assertFalse(has(robot, "#node-guest1", ON_PATH), "an edit clears the path it no longer describes");
  }

  @Test
  void theMatrixNamesGuestsAndSaysAConditionInWords(FxRobot robot) throws Exception {
    open(robot, "user-net-hostfwd");
    Label row = robot.lookup("#reachRow-sol11").queryAs(Label.class);
    assertEquals(window.document().topology().element("sol11").orElseThrow().name(), row.getText());
    Label cell = robot.lookup("#reach-sol11-LAN__").queryAs(Label.class);
    assertEquals("only with a port forward", cell.getText());
    robot.clickOn(cell);
    waitUntil(() -> !window.reachability().detailProperty().get().isEmpty());
    String detail = window.reachability().detailProperty().get();
    assertTrue(detail.startsWith("LAN -> " + row.getText() + ": only with a port forward"), detail);
  }

  @Test
  void theRowNamesStayInViewWhenTheMatrixScrollsSideways(FxRobot robot) throws Exception {
    open(robot, "user-net-hostfwd");
    ScrollPane scroll = robot.lookup("#reachScroll").queryAs(ScrollPane.class);
    Node grid = robot.lookup("#reachGrid").query();
    waitUntil(() -> grid.getLayoutBounds().getWidth() > scroll.getViewportBounds().getWidth() + 50);
    Label row = robot.lookup("#reachRow-sol11").queryAs(Label.class);
    double before = row.localToScene(0, 0).getX();
    robot.interact(() -> scroll.setHvalue(scroll.getHmax()));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(grid.localToScene(0, 0).getX() < before - 50, "the cells scrolled away to the left");
    assertEquals(before, row.localToScene(0, 0).getX(), 0.5, "the guest's name stayed where it was");
  }
}
