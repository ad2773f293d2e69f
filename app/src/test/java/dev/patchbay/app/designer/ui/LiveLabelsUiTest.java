package dev.patchbay.app.designer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.canvas.LinkView;
import dev.patchbay.app.designer.canvas.NodeView;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkReading;
import dev.patchbay.model.topology.Link;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The counter labels of a running lab (two polls of every link of NAT behind a bridge): at least
 * 11 px at 100%, clear of every box and port, and telling a->b from b->a with arrows and rates.
 */
@ExtendWith(ApplicationExtension.class)
class LiveLabelsUiTest {
  private static final Path SAMPLES = Path.of(System.getProperty("patchbay.samples", "../samples"));
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/live-" + ProcessHandle.current().pid());
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

  private static CounterSnapshot poll(List<Link> links, long frames, double elapsed) {
    List<LinkReading> r = new ArrayList<>();
    for (Link l : links) {
      if (l.id().equals("l0")) {
        r.add(LinkReading.unavailable("l0", "lan", "internet", "outside the host"));
      } else {
        r.add(new LinkReading(l.id(), l.a().toString(), l.b().toString(), 2 * frames, frames, 3 * frames,
            300 * frames, 0L, 0L, null, "kernel counters", null, 200 * frames, 100 * frames));
      }
    }
    return new CounterSnapshot(Instant.EPOCH, elapsed, r);
  }

  @Test
  void labelsAreReadableOffTheBoxesAndTellTheWaysApart(FxRobot robot) throws Exception {
    robot.interact(() -> window.files().open(SAMPLES.resolve("nat-bridge.json")));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> window.canvas().zoomBy(1 / window.canvas().zoomFactor(), javafx.geometry.Point2D.ZERO));
    List<Link> links = List.copyOf(window.canvasViewModel().topology().links());
    robot.interact(() -> window.canvas().showGuestStates(java.util.Map.of(
        "GUEST1", new dev.patchbay.backends.lab.LabService.GuestState("GUEST1", "running", List.of()),
        "GUEST2", new dev.patchbay.backends.lab.LabService.GuestState("GUEST2", "booting", List.of()))));
    robot.interact(() -> window.liveCounters().show(poll(links, 10, 0)));
    robot.interact(() -> window.liveCounters().show(poll(links, 30, 2.0)));
    WaitForAsyncUtils.waitForFxEvents();
    // tap0 -> br0 (l2): 40 frames a->b in 2 s, 2,000 bytes b->a: the arrow of a->b points from tap0 down-left to br0
    assertEquals("\u2199 20 fr/s \u00b7 16 kbit/s\n\u2197 10 fr/s \u00b7 8.0 kbit/s", window.canvas().link("l2").trafficText());
    assertEquals("n/a", window.canvas().link("l0").trafficText());
    List<String> wrong = new ArrayList<>();
    for (Link l : links) {
      Label label = (Label) window.canvas().link(l.id()).trafficLabel();
      Bounds lb = label.localToScene(label.getBoundsInLocal());
      double px = label.getFont().getSize(); // canvas units: pixels at 100%
      if (px < 11) {
        wrong.add(l.id() + "'s label is " + px + " px at 100%");
      }
      for (NodeView n : window.canvas().nodes()) {
        if (lb.intersects(n.localToScene(n.getBoundsInLocal()))) {
          wrong.add(l.id() + "'s label '" + label.getText() + "' covers " + n.getId());
        }
      }
      for (Node p : window.canvas().lookupAll(".live-state")) {
        if (lb.intersects(p.localToScene(p.getBoundsInLocal()))) {
          wrong.add(l.id() + "'s label covers " + p.getId());
        }
      }
      for (Node p : window.canvas().lookupAll(".port")) {
        if (lb.intersects(p.localToScene(p.getBoundsInLocal()))) {
          wrong.add(l.id() + "'s label covers " + p.getId());
        }
      }
      for (Link other : links) {
        Label o = (Label) window.canvas().link(other.id()).trafficLabel();
        if (o != label && lb.intersects(o.localToScene(o.getBoundsInLocal()))) {
          wrong.add(l.id() + "'s label covers " + other.id() + "'s");
        }
      }
    }
    assertEquals(List.of(), wrong);
    LinkView l4 = window.canvas().link("l4");
    assertTrue(l4.trafficText().startsWith("\u2190"), "GUEST1's NIC is right of tap0: " + l4.trafficText());
  }
}
