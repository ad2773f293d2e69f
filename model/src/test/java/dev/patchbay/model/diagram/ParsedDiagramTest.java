package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reader the quality tests rely on must see what a person sees, faults included. */
class ParsedDiagramTest {
  private static final String GOOD = String.join("\n",
      "+------+          +------+",
      "| tap0 +----+     | vm1  |",
      "+------+    +-----+ nic0 |",
      "                  +------+");

  @Test
  void readsBoxesWithTheirTitles() {
    ParsedDiagram d = ParsedDiagram.parse(GOOD);
    assertEquals(List.of("tap0", "vm1"), d.boxes.stream().map(ParsedDiagram.Rect::title).toList());
  }

  @Test
  void followsALineThroughItsBendsToTheOtherBox() {
    ParsedDiagram.Trace t = ParsedDiagram.parse(GOOD).lines().get(0);
    assertEquals("tap0", t.from().title());
    assertEquals("vm1", t.to().title());
    assertEquals(2, t.bends());
    assertEquals(2, t.toY());
  }

  @Test
  void reportsALineThatBreaksOff() {
    ParsedDiagram d = ParsedDiagram.parse(String.join("\n",
        "+------+",
        "| tap0 +---  --",
        "+------+"));
    assertFalse(d.problems.isEmpty());
  }

  @Test
  void countsACrossingAndNoBend() {
    ParsedDiagram d = ParsedDiagram.parse(String.join("\n",
        "       +----+",
        "       | b  |",
        "       +-+--+",
        "         |",
        "+----+   |    +----+",
        "| a  +---+----+ c  |",
        "+----+   |    +----+",
        "         |",
        "       +-+--+",
        "       | d  |",
        "       +----+"));
    assertEquals(2, d.lines().size());
    assertEquals(2, d.lines().stream().mapToInt(ParsedDiagram.Trace::crossings).sum());
    assertEquals(0, d.lines().stream().mapToInt(ParsedDiagram.Trace::bends).sum());
  }

  @Test
  void lineCharactersOutsideAnyLineAreStray() {
    ParsedDiagram d = ParsedDiagram.parse(GOOD + "\n   ---");
    assertEquals(Set.of("3,4", "4,4", "5,4"), d.strayLineCells());
  }

  @Test
  void aLineRunningIntoABoxsSideEndsThereAsAnAttachment() {
    ParsedDiagram d = ParsedDiagram.parse(String.join("\n",
        "+----+     +----+",
        "| a  +-----+ b  |",
        "+----+     +----+"));
    assertEquals(1, d.lines().size());
    assertEquals(0, d.lines().get(0).bends());
  }
}
