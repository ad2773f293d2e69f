package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quality bar of the text export, checked on every sample and on generated topologies by
 * reading the ASCII back with {@link ParsedDiagram}.
 */
class TextDiagramQualityTest {
  static final int WIDTH = 100;

  static Stream<Named<Topology>> topologies() {
    List<Named<Topology>> out = new ArrayList<>();
    for (Path f : Samples.files()) {
      out.add(Named.of(Samples.baseName(f), Samples.load(f)));
    }
    out.add(Named.of("generated 60 elements", TopologyGenerator.generate(60, 42)));
    out.add(Named.of("generated 30 elements", TopologyGenerator.generate(30, 7)));
    out.add(Named.of("generated 200 elements", TopologyGenerator.generate(200, 99)));
    out.add(Named.of("generated 20 elements, four hubs in a socket chain", TopologyGenerator.generate(20, 2)));
    return out.stream();
  }

  /** Rendered once per topology: the determinism test renders afresh. */
  private static final Map<Topology, String> RENDERED = new IdentityHashMap<>();

  private static String ascii(Topology t) {
    return RENDERED.computeIfAbsent(t, k -> TextDiagram.render(k, Charset.ASCII, WIDTH));
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void readsBackWithoutBrokenLinesOrUnclearJunctions(Topology t) {
    ParsedDiagram d = ParsedDiagram.parse(ascii(t));
    assertEquals(List.of(), d.problems);
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void noTwoBoxesOverlap(Topology t) {
    ParsedDiagram d = ParsedDiagram.parse(ascii(t));
    for (ParsedDiagram.Rect a : d.boxes) {
      for (ParsedDiagram.Rect b : d.boxes) {
        if (a != b) {
          assertTrue(a.disjoint(b) || a.contains(b) || b.contains(a), a + " overlaps " + b);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void everyElementHasExactlyOneBoxTitledWithItsName(Topology t) {
    ParsedDiagram d = ParsedDiagram.parse(ascii(t));
    for (Element e : t.elements()) {
      assertEquals(1, d.boxes.stream().filter(r -> r.title().equals(e.name())).count(), e.name());
    }
    boolean host = t.elements().stream().anyMatch(Element::isHostInterface);
    assertEquals(host ? 1 : 0, d.boxes.stream().filter(r -> r.title().equals("HOST")).count());
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void everyAddressAndMacIsWrittenInsideItsElementsBox(Topology t) {
    ParsedDiagram d = ParsedDiagram.parse(ascii(t));
    for (Element e : t.elements()) {
      ParsedDiagram.Rect box = box(d, e.name());
      String inside = textInside(d, box);
      for (String label : DiagramExpectations.labels(e)) {
        assertTrue(inside.contains(label), label + " missing from the box of " + e.name() + ":\n" + inside);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void everyLinkIsOneLineBetweenTheBoxesOfItsEnds(Topology t) {
    ParsedDiagram d = ParsedDiagram.parse(ascii(t));
    List<ParsedDiagram.Trace> lines = new ArrayList<>(d.lines());
    int drawn = 0;
    for (Link l : t.links()) {
      if (enslaved(t, l)) {
        continue;
      }
      drawn++;
      ParsedDiagram.Trace line = lineFor(d, t, lines, l);
      assertNotNull(line, "no line for link " + l.a() + " - " + l.b());
      lines.remove(line);
    }
    assertEquals(drawn, d.lines().size(), "lines drawn for links that do not exist");
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void tapsAndUplinksOnABridgeAreDrawnInsideIt(Topology t) {
    ParsedDiagram d = ParsedDiagram.parse(ascii(t));
    for (Link l : t.links()) {
      if (enslaved(t, l)) {
        Element bridge = t.element(l.a().element()).get() instanceof Bridge ? el(t, l.a()) : el(t, l.b());
        Element member = bridge == el(t, l.a()) ? el(t, l.b()) : el(t, l.a());
        assertTrue(box(d, bridge.name()).contains(box(d, member.name())), member.name() + " not inside " + bridge.name());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void noLineCharacterLiesOutsideATracedLine(Topology t) {
    ParsedDiagram d = ParsedDiagram.parse(ascii(t));
    assertEquals(java.util.Set.of(), d.strayLineCells());
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void linesRunInsideAContainerOnlyWhenOneOfTheirEndsIsInIt(Topology t) {
    ParsedDiagram d = ParsedDiagram.parse(ascii(t));
    for (ParsedDiagram.Trace line : d.lines()) {
      for (int[] c : line.cells()) {
        for (ParsedDiagram.Rect r : d.boxes) {
          if (r.strictlyInside(c[0], c[1])) {
            assertFalse(d.isLeaf(r), "line through box " + r.title());
            assertTrue(r.contains(line.from()) || r.contains(line.to()),
                "line " + line.from().title() + " - " + line.to().title() + " runs through " + r.title());
          }
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void fitsTheDefaultWidth(Topology t) {
    String text = ascii(t);
    assertTrue(TextDiagram.widest(text) <= WIDTH, text);
    assertFalse(text.contains("(note:"), text);
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void linesHaveFewBendsAndCrossings(Topology t) {
    List<ParsedDiagram.Trace> lines = ParsedDiagram.parse(ascii(t)).lines();
    int bends = lines.stream().mapToInt(ParsedDiagram.Trace::bends).sum();
    int crossings = lines.stream().mapToInt(ParsedDiagram.Trace::crossings).sum();
    int most = lines.stream().mapToInt(ParsedDiagram.Trace::bends).max().orElse(0);
    assertTrue(bends <= 2 * lines.size(), bends + " bends on " + lines.size() + " lines");
    assertTrue(most <= 4, "a line with " + most + " bends");
    assertTrue(crossings <= lines.size() / 4, crossings + " crossings on " + lines.size() + " lines");
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void unicodeDrawsTheSamePictureWithBoxDrawingCharacters(Topology t) {
    String unicode = TextDiagram.render(t, Charset.UNICODE, WIDTH);
    assertEquals(ascii(t), Unicode.toAscii(unicode));
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void asciiIsSevenBit(Topology t) {
    assertTrue(ascii(t).chars().allMatch(c -> c < 128));
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void theSameTopologyGivesTheSameText(Topology t) {
    assertEquals(ascii(t), TextDiagram.render(t, Charset.ASCII, WIDTH));
  }

  // ---- helpers -----------------------------------------------------------------------------------

  static boolean enslaved(Topology t, Link l) {
    ElementKind a = el(t, l.a()).kind();
    ElementKind b = el(t, l.b()).kind();
    return a == ElementKind.BRIDGE && (b == ElementKind.TAP || b == ElementKind.UPLINK)
        || b == ElementKind.BRIDGE && (a == ElementKind.TAP || a == ElementKind.UPLINK);
  }

  private static Element el(Topology t, Endpoint e) {
    return t.element(e.element()).orElseThrow();
  }

  private static ParsedDiagram.Rect box(ParsedDiagram d, String title) {
    return d.boxes.stream().filter(r -> r.title().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no box titled " + title));
  }

  private static String textInside(ParsedDiagram d, ParsedDiagram.Rect r) {
    StringBuilder s = new StringBuilder();
    for (int y = r.y() + 1; y < r.bottom(); y++) {
      String row = d.rows.get(y);
      s.append(row, Math.min(r.x() + 1, row.length()), Math.min(r.right(), row.length())).append('\n');
    }
    return s.toString();
  }

  private static ParsedDiagram.Trace lineFor(ParsedDiagram d, Topology t, List<ParsedDiagram.Trace> lines, Link l) {
    ParsedDiagram.Rect a = box(d, el(t, l.a()).name());
    ParsedDiagram.Rect b = box(d, el(t, l.b()).name());
    for (ParsedDiagram.Trace line : lines) {
      if (line.from() == a && line.to() == b && atPort(d, t, l.a(), line.fromY()) && atPort(d, t, l.b(), line.toY())
          || line.from() == b && line.to() == a && atPort(d, t, l.b(), line.fromY()) && atPort(d, t, l.a(), line.toY())) {
        return line;
      }
    }
    return null;
  }

  /** A line to a NIC or a socket side attaches on the row that names it. */
  private static boolean atPort(ParsedDiagram d, Topology t, Endpoint e, int y) {
    Element el = el(t, e);
    boolean named = el instanceof Guest || el instanceof Socket s && s.transport().pointToPoint();
    if (!named || e.port() == null) {
      return true;
    }
    ParsedDiagram.Rect r = box(d, el.name());
    String row = d.rows.get(y).substring(r.x() + 1, r.right()).trim();
    String label = e.port().length() == 1 ? "side " + e.port() : e.port();
    return row.equals(label) || row.startsWith(label + " ");
  }
}
