package dev.patchbay.app.designer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.app.designer.host.HostSettingsViewModel;
import dev.patchbay.app.designer.problems.ProblemsViewModel;
import dev.patchbay.app.designer.properties.PropertiesViewModel;
import dev.patchbay.app.designer.properties.PropertyField;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": NAT behind a bridge (samples/nat-bridge.json) rebuilt from an empty canvas through the same
 * view-model calls the palette, wire gesture and property editors make.
 */
class Seed002RebuildTest {
  @TempDir
  Path dir;

  private final DocumentViewModel doc = new DocumentViewModel();
  private final CanvasViewModel canvas = new CanvasViewModel(doc, new Random(2));
  private final PropertiesViewModel props = new PropertiesViewModel(doc, canvas);
  private final HostSettingsViewModel host = new HostSettingsViewModel(doc);
  private final ProblemsViewModel problems = new ProblemsViewModel(doc, StandardRules.validator());
  private int steps;

  private Element drop(ElementKind kind, double x, double y) {
    steps++;
    return canvas.addElement(kind, new Point(x, y));
  }

  private void edit(Element e, String field, Object value) {
    canvas.selection().select(e.id());
    PropertyField f = props.fields().stream().filter(p -> p.name().equals(field)).findFirst().orElseThrow();
    assertTrue(props.commit(f, value), field + " of " + e.id() + " was not committed");
    steps++;
  }

  private void wire(Element a, String port, Element b) {
    assertTrue(canvas.connect(Endpoint.of(a.id(), port), Endpoint.of(b.id())), canvas.statusProperty().get());
    steps++;
  }

  private void build() {
    Element inet = drop(ElementKind.INTERNET, 80, 60);
    Element lan = drop(ElementKind.LAN, 80, 200);
    Element eth0 = drop(ElementKind.UPLINK, 260, 200);
    Element br0 = drop(ElementKind.BRIDGE, 260, 400);
    Element tap0 = drop(ElementKind.TAP, 440, 340);
    Element tap1 = drop(ElementKind.TAP, 440, 460);
    Element g1 = drop(ElementKind.GUEST, 660, 340);
    Element g2 = drop(ElementKind.GUEST, 660, 460);
    edit(inet, "Name", "Internet");
    edit(lan, "Name", "LAN");
    edit(eth0, "Address", "10.0.0.10/8");
    edit(eth0, "Gateway", "10.0.0.1");
    edit(br0, "Address", "192.168.0.1/24");
    edit(g1, "Name", "GUEST1");
    edit(g2, "Name", "GUEST2");
    for (Element g : List.of(g1, g2)) {
      edit(g, "nic0 addressing", "static");
      edit(g, "nic0 address", g == g1 ? "192.168.0.10/24" : "192.168.0.11/24");
      edit(g, "nic0 gateway", "192.168.0.1");
    }
    wire(lan, null, inet);
    wire(eth0, null, lan);
    wire(tap0, null, br0);
    wire(tap1, null, br0);
    wire(g1, "nic0", tap0);
    wire(g2, "nic0", tap1);
    host.setIpForward(true);
    host.setNat(List.of("192.168.0.0/24 -> " + eth0.id()));
    steps += 2;
  }

  /** Links as "name:port-name" pairs, so two designs with different ids compare. */
  private static Set<String> wiring(Topology t) {
    return t.links().stream().map(l -> end(t, l.a()) + " ~ " + end(t, l.b()))
        .map(s -> s.compareTo(flip(s)) < 0 ? s : flip(s)).collect(Collectors.toSet());
  }

  private static String flip(String s) {
    String[] p = s.split(" ~ ");
    return p[1] + " ~ " + p[0];
  }

  private static String end(Topology t, Endpoint e) {
    return t.element(e.element()).orElseThrow().name() + (e.port() == null ? "" : ":" + e.port());
  }

  @Test
  void wiredLikeTheSeedWithNoErrors() throws Exception {
    build();
    Topology sample = TopologyFiles.load(Path.of(System.getProperty("patchbay.samples", "../samples"),
        "nat-bridge.json"));
    assertEquals(wiring(sample), wiring(doc.topology()));
    assertFalse(problems.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR),
        problems.diagnostics().toString());
    assertTrue(doc.topology().host().ipForward());
  }

  @Test
  void savedAndReopenedIdentical() throws Exception {
    build();
    Path file = dir.resolve("p2.json");
    doc.saveAs(file);
    String saved = Files.readString(file);
    DocumentViewModel reopened = new DocumentViewModel();
    reopened.open(file);
    assertEquals(saved, TopologyFiles.toJson(reopened.topology()));
    assertEquals(8, reopened.topology().layout().size(), "every element keeps its place");
  }

  @Test
  void everyStepUndoesBackToEmpty() {
    String empty = TopologyFiles.toJson(doc.topology());
    build();
    int undone = 0;
    while (doc.stack().canUndo()) {
      doc.undo();
      undone++;
    }
    assertEquals(steps, undone, "one undo step per user action");
    assertEquals(empty, TopologyFiles.toJson(doc.topology()));
    assertFalse(doc.isDirty());
  }
}
