package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.topology.Element;
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
  void passesTheStructuralCheck(Topology t) {
    DiagramChecker.assertSound(ascii(t), t, Charset.ASCII, WIDTH);
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
    assertEquals(TextDiagram.body(ascii(t)), Unicode.toAscii(TextDiagram.body(unicode)));
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

  private static ParsedDiagram.Rect box(ParsedDiagram d, String title) {
    return d.boxes.stream().filter(r -> r.title().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no box titled " + title));
  }

  private static String textInside(ParsedDiagram d, ParsedDiagram.Rect r) {
    StringBuilder s = new StringBuilder();
    for (int y = r.y() + 1; y < r.bottom(); y++) {
      s.append(d.rowText(y, r.x() + 1, r.right())).append('\n');
    }
    return s.toString();
  }
}
