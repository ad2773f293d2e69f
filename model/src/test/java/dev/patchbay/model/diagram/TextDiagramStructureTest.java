package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample and every hard design ({@link HardDesigns}: dense, generated, foreign names) passes
 * {@link DiagramChecker} at every --width from 60 to 160 in steps of 10, in both charsets: each wire
 * runs from a box to a box, the wires join exactly the boxes the file links, every name can be
 * found, and the text holds the width (or says in a note that fits why it cannot).
 */
class TextDiagramStructureTest {
  static final int[] WIDTHS = IntStream.rangeClosed(6, 16).map(w -> w * 10).toArray();

  static Stream<Arguments> cases() {
    List<Named<Topology>> designs = new ArrayList<>();
    for (Path f : Samples.files()) {
      designs.add(Named.of(Samples.baseName(f), Samples.load(f)));
    }
    designs.addAll(HardDesigns.all());
    return designs.stream().flatMap(d -> Stream.of(Charset.values()).map(c -> Arguments.of(d, c)));
  }

  /** Names every hard design in the report, so a failure says which. */
  static Stream<Named<Topology>> designs() {
    return HardDesigns.all().stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void passesTheStructuralCheckAtEveryWidth(Topology t, Charset charset) {
    for (int width : WIDTHS) {
      DiagramChecker.assertSound(TextDiagram.render(t, charset, width), t, charset, width);
    }
  }

  /**
   * A hub, switch or bus is as tall as its own lines need (two rows each) plus a little growth to
   * meet a partner, never stretched down the column of its guests.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("designs")
  void hubsSwitchesAndBusesStayCompact(Topology t) {
    ParsedDiagram d = ParsedDiagram.parse(TextDiagram.render(t, Charset.ASCII, 100));
    DiagramNames names = DiagramNames.of(t, Charset.ASCII, Integer.MAX_VALUE);
    for (Element e : t.elements()) {
      if (BoxFactory.meetingPoint(e)) {
        int lines = (int) t.links().stream().filter(l -> l.a().element().equals(e.id()) || l.b().element().equals(e.id())).count();
        int most = Math.max(BoxFactory.text(e).size(), 2 * lines - 1) + 2 + 3;
        ParsedDiagram.Rect box = d.boxes.stream().filter(b -> b.title().equals(names.full(e))).findFirst().orElseThrow();
        assertTrue(box.h() <= most, e.name() + " is " + box.h() + " rows tall for " + lines + " lines");
      }
    }
  }

  /**
   * The benchmark's design (200 elements, seed 42) took 3,298 rows, 2,627 of them blank or only
   * '|', while its hubs stretched down their guests; 880 and 203 since they stay compact.
   */
  @Test
  void aLargeDesignIsNotMostlyRowsOfVerticalLines() {
    String text = TextDiagram.render(TopologyGenerator.generate(200, 42), Charset.ASCII, 100);
    List<String> rows = text.lines().toList();
    long bare = rows.stream().filter(r -> r.chars().allMatch(c -> c == ' ' || c == '|')).count();
    assertTrue(bare * 3 < rows.size(), bare + " of " + rows.size() + " rows hold only '|'");
    assertTrue(rows.size() < 1200, rows.size() + " rows");
  }

  /** Lines that must cross do, drawn '-|-' and explained under the drawing; never a '+'. */
  @Test
  void crossingsAreDrawnAsABarAndExplainedInTheLegend() {
    for (Charset charset : Charset.values()) {
      String text = TextDiagram.render(HardDesigns.threeByThree(), charset, 100);
      ParsedDiagram d = ParsedDiagram.parse(text);
      assertTrue(d.hasCrossing(), text);
      assertEquals(List.of(), d.problems, text);
      assertTrue(d.trailer.contains(charset.crossingLegend()), text);
    }
  }
}
