package dev.patchbay.app.designer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.canvas.LinkView;
import dev.patchbay.app.designer.canvas.NodeView;
import dev.patchbay.app.designer.canvas.PortView;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import javafx.scene.text.Text;
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
 * Every sample as the canvas draws it: each wire's two ends on a port of the element it joins (a
 * visible dot whose bounds hold the end), no port drawn that no wire uses on a device that has
 * wires, no label over a port or a wire's end, and no text cut short. Positions are the views'
 * own, in scene coordinates.
 */
@ExtendWith(ApplicationExtension.class)
class WiresOnPortsUiTest {
  private static final Path SAMPLES = Path.of(System.getProperty("patchbay.samples", "../samples"));
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/ports-" + ProcessHandle.current().pid());
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

  @Test
  void everySampleHasItsWiresOnPortsAndItsWordsClearAndWhole(FxRobot robot) throws Exception {
    List<Path> samples;
    try (Stream<Path> s = Files.list(SAMPLES)) {
      samples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(samples.size() >= 10, "samples found: " + samples);
    List<String> wrong = new ArrayList<>();
    for (Path sample : samples) {
      wrong.addAll(problemsOf(robot, sample));
    }
    assertEquals(List.of(), wrong);
  }

  /** A bridge with the longest address there is, and a wire between two devices: the box grows, the words stay whole. */
  @Test
  void aLongAddressWidensItsBoxInsteadOfBeingCut(FxRobot robot, @TempDir Path dir) throws Exception {
    Topology t = TopologyFiles.load(SAMPLES.resolve("nat-bridge.json"));
    Bridge br0 = (Bridge) t.element("br0").orElseThrow();
    t.replace(new Bridge(br0.id(), br0.name(), "255.255.255.254/31", br0.stp()));
    Path file = dir.resolve("long.json");
    TopologyFiles.save(t, file);
    List<String> wrong = problemsOf(robot, file);
    assertEquals(List.of(), wrong);
    Label detail = detailOf(window.canvas().node("br0"), "255.255.255.254/31");
    assertTrue(detail != null, "the bridge shows its address");
  }

  private List<String> problemsOf(FxRobot robot, Path file) throws Exception {
    robot.interact(() -> window.files().open(file));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> window.canvas().layout());
    WaitForAsyncUtils.waitForFxEvents();
    List<String> wrong = new ArrayList<>();
    String name = file.getFileName().toString();
    Topology t = window.canvasViewModel().topology();
    List<Point2D> ends = new ArrayList<>();
    List<PortView> ports = ports();
    List<PortView> used = new ArrayList<>();
    for (Link l : t.links()) {
      LinkView v = window.canvas().link(l.id());
      CubicCurve c = (CubicCurve) v.getChildrenUnmodifiable().get(1);
      Point2D a = v.localToScene(c.getStartX(), c.getStartY());
      Point2D b = v.localToScene(c.getEndX(), c.getEndY());
      ends.add(a);
      ends.add(b);
      checkEnd(name, l, l.a(), a, used, wrong);
      checkEnd(name, l, l.b(), b, used, wrong);
    }
    for (PortView p : ports) {
      boolean wired = !t.linksOf(p.endpoint().element()).isEmpty();
      if (p.endpoint().port() == null && wired && !used.contains(p)) {
        wrong.add(name + ": " + p.getId() + " is drawn but no wire ends on it");
      }
    }
    for (Label label : labels()) {
      Bounds lb = label.localToScene(label.getBoundsInLocal());
      String what = name + ": label '" + label.getText() + "'";
      for (PortView p : ports) {
        if (lb.intersects(p.localToScene(p.getBoundsInLocal()))) {
          wrong.add(what + " lies over " + p.getId());
        }
      }
      for (Point2D end : ends) {
        if (lb.contains(end)) {
          wrong.add(what + " lies over a wire's end at " + end);
        }
      }
      Text shown = (Text) label.lookup(".text");
      if (shown != null && !shown.getText().equals(label.getText())) {
        wrong.add(what + " is cut to '" + shown.getText() + "'");
      }
    }
    return wrong;
  }

  /** The wire's end lies in the bounds of a shown port of its element with its endpoint. */
  private void checkEnd(String sample, Link l, Endpoint end, Point2D at, List<PortView> used, List<String> wrong) {
    NodeView n = window.canvas().node(end.element());
    for (PortView p : ports()) {
      if (isIn(p, n) && p.endpoint().equals(end) && p.localToScene(p.getBoundsInLocal()).contains(at)) {
        used.add(p);
        return;
      }
    }
    wrong.add(sample + ": " + l.id() + " ends at " + at + ", on no port of " + end);
  }

  private static boolean isIn(Node child, Node ancestor) {
    for (Node p = child; p != null; p = p.getParent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private List<PortView> ports() {
    return window.canvas().lookupAll(".port").stream().filter(PortView.class::isInstance).map(PortView.class::cast)
        .filter(WiresOnPortsUiTest::shown).toList();
  }

  private List<Label> labels() {
    return window.canvas().lookupAll(".label").stream().filter(Label.class::isInstance).map(Label.class::cast)
        .filter(WiresOnPortsUiTest::shown).filter(l -> !l.getText().isEmpty()).toList();
  }

  private static boolean shown(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return n.getScene() != null;
  }

  private static Label detailOf(NodeView n, String text) {
    return n.lookupAll(".label").stream().filter(Label.class::isInstance).map(Label.class::cast)
        .filter(l -> l.getText().equals(text)).findFirst().orElse(null);
  }
}
