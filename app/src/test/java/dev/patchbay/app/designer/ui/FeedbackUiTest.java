package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.edit.ConnectCommand;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import java.nio.file.Path;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Feedback where the eye is: at the port a wire is dragged over, under a property field, in a selected finding. */
@ExtendWith(ApplicationExtension.class)
class FeedbackUiTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/feedback-" + ProcessHandle.current().pid());
  private DesignerWindow window;

  @Start
  void start(Stage stage) {
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(5), new RecentFiles(prefs));
    stage.show();
  }

  @BeforeEach
  void open(FxRobot robot) {
    robot.interact(() -> window.files().open(SAMPLE));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void dropPrefs() throws Exception {
    prefs.removeNode();
  }

  private static Label callout(FxRobot robot) {
    return robot.lookup("#wireRefusal").queryAs(Label.class);
  }

  @Test
  void aWireOverAPortThatRefusesItSaysWhyThere(FxRobot robot) throws Exception {
    robot.interact(() -> {
      window.canvasViewModel().addElement(ElementKind.HUB, new Point(700, 60));
      window.canvas().fitToWindow();
    });
    String expected = window.canvasViewModel().wireRefusal(Endpoint.of("hub0"), Endpoint.of("tap0")).orElseThrow();
    robot.drag("#port-hub0").moveTo("#node-tap0");
    waitUntil(() -> callout(robot).isVisible());
    assertEquals(expected, callout(robot).getText(), "the drop's own reason");
    Node tap = robot.lookup("#node-tap0").query();
    var calloutBox = callout(robot).localToScreen(callout(robot).getBoundsInLocal());
    var tapBox = tap.localToScreen(tap.getBoundsInLocal());
    assertTrue(Math.abs(calloutBox.getMinX() - tapBox.getMinX()) < 250
        && Math.abs(calloutBox.getMaxY() - tapBox.getMinY()) < 150, "next to the port: " + calloutBox + " / " + tapBox);
    Node canvas = robot.lookup("#canvas").query();
    robot.moveTo(robot.point(canvas.localToScreen(6, 6)));
    waitUntil(() -> !callout(robot).isVisible());
    robot.moveTo("#node-tap0");
    waitUntil(() -> callout(robot).isVisible());
    robot.release(MouseButton.PRIMARY);
    waitUntil(() -> !callout(robot).isVisible());
    assertEquals("Cannot link hub0 to tap0: " + expected, window.canvasViewModel().statusProperty().get());
  }

  @Test
  void enterOnABadValueSaysUnderTheFieldThatItWasNotApplied(FxRobot robot) throws Exception {
    robot.clickOn("#node-br0");
    waitUntil(() -> robot.lookup("#prop-Address").tryQuery().isPresent());
    TextField address = robot.lookup("#prop-Address").queryAs(TextField.class);
    Label problem = robot.lookup("#problem-Address").queryAs(Label.class);
    String undo = window.document().undoLabelProperty().get();
    robot.clickOn(address);
    robot.interact(address::clear);
    robot.write("192.168.0.300/24");
    waitUntil(problem::isVisible);
    assertTrue(problem.getText().contains("192.168.0.300/24"), problem.getText());
    assertFalse(problem.getText().startsWith("Not applied"), "while typing it only says what is wrong");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> problem.getText().startsWith("Not applied"));
    assertTrue(problem.getPseudoClassStates().contains(REFUSED));
    assertTrue(problem.getLayoutY() > address.getLayoutY(), "under the field");
    assertEquals("192.168.0.300/24", address.getText(), "what was typed is kept to be corrected");
    assertEquals(undo, window.document().undoLabelProperty().get(), "nothing was committed");
    robot.type(KeyCode.BACK_SPACE, 4).write("/24");
    waitUntil(() -> !problem.isVisible());
    robot.type(KeyCode.ENTER);
    waitUntil(() -> "192.168.0.30/24".equals(
        ((dev.patchbay.model.topology.Bridge) window.document().topology().element("br0").orElseThrow()).address()));
  }

  @Test
  void anAddressTypedWhereTheNicUsesNoneTurnsItStaticAndThePanelSaysSo(FxRobot robot) throws Exception {
    robot.clickOn("#node-guest1");
    waitUntil(() -> robot.lookup("#prop-nic0-address").tryQuery().isPresent());
    Label notice = robot.lookup("#propertiesNotice").queryAs(Label.class);
    assertFalse(notice.isVisible());
    var vm = robot.lookup("#properties").queryAs(dev.patchbay.app.designer.properties.PropertiesView.class);
    robot.interact(() -> window.document().push(new dev.patchbay.model.edit.ReplaceElementCommand(
        guest1().withNic(guest1().nics().get(0).withIp(dev.patchbay.model.topology.IpConfig.none())), "none")));
    TextField address = robot.lookup("#prop-nic0-address").queryAs(TextField.class);
    waitUntil(() -> address.getText().isEmpty());
    robot.clickOn(address).write("192.168.0.10/24").type(KeyCode.ENTER);
    waitUntil(notice::isVisible);
    assertTrue(notice.getText().contains("static"), notice.getText());
    assertEquals(dev.patchbay.model.topology.IpConfig.Mode.STATIC, guest1().nics().get(0).ip().mode());
    robot.clickOn("#node-guest2");
    waitUntil(() -> !notice.isVisible());
    assertTrue(notice.getHeight() == 0 || !notice.isManaged(), "no empty band is left where it was");
    assertTrue(vm.isVisible());
  }

  private dev.patchbay.model.topology.Guest guest1() {
    return (dev.patchbay.model.topology.Guest) window.document().topology().element("guest1").orElseThrow();
  }

  @Test
  void theSelectedFindingsHintIsReadableOnTheSelection(FxRobot robot) throws Exception {
    robot.interact(() -> window.document().push(new ConnectCommand(
        new Link("bad", Endpoint.of("guest1", "nic0"), Endpoint.of("br0")))));
    waitUntil(() -> !window.problemsViewModel().diagnostics().isEmpty());
    ListView<?> list = robot.lookup("#problemsList").queryAs(ListView.class);
    robot.interact(() -> {
      list.requestFocus();
      list.getSelectionModel().select(0);
      list.requestFocus();
    });
    waitUntil(() -> selectedHint(robot) != null);
    Label hint = selectedHint(robot);
    ListCell<?> cell = cellOf(hint);
    Color background = (Color) cell.getBackground().getFills().get(cell.getBackground().getFills().size() - 1).getFill();
    // light in AtlantaFX's Primer Light, dark in Modena and Primer Dark: the hint must read on either
    double contrast = contrast((Color) hint.getTextFill(), background);
    assertTrue(contrast >= 3, "hint " + hint.getTextFill() + " on " + background + ": contrast " + contrast);
  }

  private static Label selectedHint(FxRobot robot) {
    return robot.lookup(".problem-hint").queryAllAs(Label.class).stream()
        .filter(l -> cellOf(l) != null && cellOf(l).isSelected()).findFirst().orElse(null);
  }

  private static ListCell<?> cellOf(Node n) {
    for (Node x = n; x != null; x = x.getParent()) {
      if (x instanceof ListCell<?> c) {
        return c;
      }
    }
    return null;
  }

  /** WCAG's relative luminance and contrast ratio. */
  private static double luminance(Color c) {
    return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
  }

  private static double channel(double v) {
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  private static double contrast(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }
}
