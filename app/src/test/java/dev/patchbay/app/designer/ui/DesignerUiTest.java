package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Link;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
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

/** The designer window driven like a person would, on a headless Monocle screen. */
@ExtendWith(ApplicationExtension.class)
class DesignerUiTest {
  private static final Path SAMPLES = Path.of(System.getProperty("patchbay.samples", "../samples"));
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/ui-" + ProcessHandle.current().pid());
  private DesignerWindow window;

  @TempDir
  Path dir;

  @Start
  void start(Stage stage) {
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(5), new RecentFiles(prefs));
    stage.show();
  }

  @AfterEach
  void dropPrefs() throws Exception {
    prefs.removeNode();
  }


  private Point2D onCanvas(FxRobot robot, double x, double y) {
    Node canvas = robot.lookup("#canvas").query();
    return canvas.localToScreen(x, y);
  }

  private void dropGuestAndHubAndLinkThem(FxRobot robot) throws Exception {
    robot.drag("#palette-guest").dropTo(robot.point(onCanvas(robot, 200, 200)));
    waitUntil(() -> window.document().topology().contains("g0"));
    robot.drag("#palette-hub").dropTo(robot.point(onCanvas(robot, 500, 220)));
    waitUntil(() -> window.document().topology().contains("hub0"));
    robot.drag("#port-g0-nic0").dropTo("#node-hub0");
    waitUntil(() -> window.document().topology().links().size() == 1);
  }

  @Test
  void dragAGuestAndAHubFromThePaletteAndLinkThem(FxRobot robot) throws Exception {
    dropGuestAndHubAndLinkThem(robot);
    Link l = window.document().topology().links().iterator().next();
    assertEquals("g0:nic0", l.a().toString());
    assertEquals("hub0", l.b().toString());
    assertTrue(robot.lookup("#link-" + l.id()).tryQuery().isPresent(), "the canvas draws the link");
  }

  @Test
  void undoAndRedoTheLinkWithTheKeyboard(FxRobot robot) throws Exception {
    dropGuestAndHubAndLinkThem(robot);
    robot.clickOn("#canvas");
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    waitUntil(() -> window.document().topology().links().isEmpty());
    assertTrue(robot.lookup("#link-l0").tryQuery().isEmpty());
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
    waitUntil(() -> window.document().topology().links().size() == 1);
    assertTrue(robot.lookup("#link-l0").tryQuery().isPresent());
  }

  @Test
  void anInvalidDropExplainsWhyInTheStatusBar(FxRobot robot) throws Exception {
    robot.drag("#palette-guest").dropTo(robot.point(onCanvas(robot, 200, 200)));
    robot.drag("#palette-bridge").dropTo(robot.point(onCanvas(robot, 500, 220)));
    waitUntil(() -> window.document().topology().contains("br0"));
    robot.drag("#port-g0-nic0").dropTo("#node-br0");
    waitUntil(() -> window.canvasViewModel().statusProperty().get().startsWith("Cannot link"));
    assertTrue(window.document().topology().links().isEmpty());
  }

  @Test
  void aDuplicateMacTypedInThePropertiesShowsAProblemThatItsFixRemoves(FxRobot robot) throws Exception {
    robot.interact(() -> window.files().open(SAMPLES.resolve("nat-bridge.json")));
    robot.clickOn("#node-guest2");
    waitUntil(() -> robot.lookup("#prop-nic0-MAC").tryQuery().isPresent());
    TextField mac = robot.lookup("#prop-nic0-MAC").queryAs(TextField.class);
    robot.clickOn(mac);
    robot.interact(mac::clear);
    robot.write("52:54:00:00:00:10").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("52:54:00:00:00:10", mac.getText(), "focus " + mac.getScene().getFocusOwner() + " bounds "
        + mac.localToScreen(mac.getBoundsInLocal()) + " screen " + javafx.stage.Screen.getPrimary().getBounds()
        + " undo " + window.document().undoLabelProperty().get());
    waitUntil(() -> !window.problemsViewModel().diagnostics().isEmpty());
    assertEquals("mac.duplicate", window.problemsViewModel().diagnostics().get(0).rule());
    assertTrue(window.canvas().node("guest2").hasBadge(), "the guest carries a badge");
    robot.clickOn("#fix-mac-duplicate");
    waitUntil(() -> window.problemsViewModel().diagnostics().isEmpty());
    Guest g2 = (Guest) window.document().topology().element("guest2").orElseThrow();
    assertFalse(g2.nics().get(0).mac().equals("52:54:00:00:00:10"));
  }

  @Test
  void newOffersTheSampleGalleryAndOpensTheChosenSample(FxRobot robot) throws Exception {
    javafx.application.Platform.runLater(() -> window.files().newDocument());
    waitUntil(() -> robot.lookup("#sampleGallery").tryQuery().isPresent());
    javafx.scene.control.ListView<?> gallery = robot.lookup("#sampleGallery").queryAs(javafx.scene.control.ListView.class);
    assertEquals(1 + dev.patchbay.app.designer.gallery.SampleCatalog.all().size(), gallery.getItems().size(),
        "an empty design and every sample");
    int p2 = 0;
    for (int i = 0; i < gallery.getItems().size(); i++) {
      if (((dev.patchbay.app.designer.gallery.SampleCatalog.Sample) gallery.getItems().get(i)).fileName()
          .equals("nat-bridge.json")) {
        p2 = i;
      }
    }
    int chosen = p2;
    robot.interact(() -> gallery.getSelectionModel().select(chosen));
    DialogPane pane = (DialogPane) gallery.getScene().getRoot();
    robot.clickOn(pane.lookupButton(javafx.scene.control.ButtonType.OK));
    waitUntil(() -> window.document().topology().name().equals("NAT behind a bridge of taps"));
    assertTrue(window.document().file().isEmpty(), "a sample opens as a new, unsaved design");
    assertEquals(8, window.canvas().nodes().size());
  }

  @Test
  void aSampleOpenedAndSavedUnchangedIsByteIdentical(FxRobot robot) throws Exception {
    Path sample = SAMPLES.resolve("nat-bridge.json");
    Path out = dir.resolve("copy.json");
    robot.interact(() -> window.files().open(sample));
    robot.interact(() -> window.files().saveTo(out));
    assertEquals(Files.readString(sample), Files.readString(out));
    assertFalse(window.document().titleProperty().get().startsWith("*"));
  }

  @Test
  void aBrokenFileShowsTheLoadersMessageAndKeepsTheDocument(FxRobot robot) throws Exception {
    robot.interact(() -> window.files().open(SAMPLES.resolve("nat-bridge.json")));
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\n  \"format\": \"patchbay-topology\",\n  \"version\": 1,\n  \"elements\": [ }\n");
    robot.interact(() -> window.files().open(broken));
    waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
    DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
    assertTrue(dialog.getContentText().contains("broken.json:4:"), dialog.getContentText());
    assertEquals("NAT behind a bridge of taps", window.document().topology().name());
    robot.interact(() -> dialog.getScene().getWindow().hide());
  }

  @Test
  void theReachabilityTabShowsTheMatrixAndExplainsAClickedCell(FxRobot robot) throws Exception {
    robot.interact(() -> window.files().open(SAMPLES.resolve("nat-routing.json")));
    robot.clickOn("Reachability");
    waitUntil(() -> robot.lookup("#reach-guest1-LAN__").tryQuery().isPresent()); // computed off the FX thread
    javafx.scene.control.Label cell = robot.lookup("#reach-guest1-LAN__").queryAs(javafx.scene.control.Label.class);
    assertEquals("no", cell.getText(), "NAT hides GUEST1 from the LAN (the NAT-routing scenario)");
    assertEquals("yes", robot.lookup("#reach-guest1-__Internet").queryAs(javafx.scene.control.Label.class).getText());
    robot.clickOn(cell);
    javafx.scene.control.TextArea detail = robot.lookup("#reachDetail").queryAs(javafx.scene.control.TextArea.class);
    waitUntil(() -> detail.getText().startsWith("LAN -> GUEST1: no")); // names, not ids
    assertTrue(detail.getText().contains("missing:"), detail.getText());
    var report = new dev.patchbay.backends.verify.VerifyReport("lab", java.util.List.of(
        new dev.patchbay.backends.verify.Cell("lan", "guest1", "no", "no", "no", true, null, null)));
    robot.interact(() -> window.reachability().showVerification(report));
    waitUntil(() -> robot.lookup("#reach-guest1-LAN__").queryAs(javafx.scene.control.Label.class).getStyleClass()
        .contains("reach-agrees"));
    assertTrue(robot.lookup("#reach-guest1-LAN__").queryAs(javafx.scene.control.Label.class).getStyleClass()
        .contains("reach-agrees"), "a verified cell is framed by its agreement");
  }

  @Test
  void liveCountersAppearOnTheWiresAndAnUnreadableLinkSaysNa(FxRobot robot) throws Exception {
    robot.interact(() -> window.files().open(SAMPLES.resolve("nat-bridge.json")));
    var snapshot = new dev.patchbay.model.counters.CounterSnapshot(java.time.Instant.EPOCH, 1.0, java.util.List.of(
        new dev.patchbay.model.counters.LinkReading("l4", "guest1:nic0", "tap0", 12L, 10L, 22L, 2156L, null, null,
            2.0, "frame dump of net-nic0", null),
        dev.patchbay.model.counters.LinkReading.unavailable("l0", "lan", "internet", "outside the host")));
    robot.interact(() -> window.liveCounters().show(snapshot));
    assertEquals("\u2190 n/a\n\u2192 n/a", window.canvas().link("l4").trafficText(), "no rate before a second reading (a, the NIC, is right of b)");
    assertEquals("n/a", window.canvas().link("l0").trafficText());
    assertEquals("n/a", window.canvas().link("l2").trafficText(), "a link missing from the snapshot is n/a, not 0");
    assertTrue(window.canvas().link("l4").getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("active")));
    robot.interact(() -> window.liveCounters().cutLinks().add("l4"));
    assertTrue(window.canvas().link("l4").getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("cut")));
    robot.interact(() -> window.liveCounters().clear());
    assertEquals("", window.canvas().link("l4").trafficText(), "leaving live mode shows plain wires");
  }

  @Test
  void escapeCancelsAWireMidDrag(FxRobot robot) throws Exception {
    robot.interact(() -> window.files().open(SAMPLES.resolve("hub-nics.json")));
    int links = window.document().topology().links().size();
    robot.interact(() -> window.canvas().fitToWindow());
    robot.drag("#palette-tap").dropTo(robot.point(onCanvas(robot, 40, 40)));
    waitUntil(() -> window.document().topology().links().size() == links
        && window.document().topology().elements().stream().anyMatch(e -> e.id().startsWith("tap")));
    String tap = window.canvasViewModel().selection().snapshot().iterator().next();
    robot.drag("#port-" + tap).moveBy(60, 60);
    robot.push(KeyCode.ESCAPE);
    robot.release(javafx.scene.input.MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(links, window.document().topology().links().size());
    assertEquals("Linking cancelled", window.canvasViewModel().statusProperty().get());
  }
}
