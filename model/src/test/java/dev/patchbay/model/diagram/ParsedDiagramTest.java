package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  private static final String CROSSING = String.join("\n",
      "       +----+",
      "       | b  |",
      "       +-+--+",
      "         |",
      "+----+   |    +----+",
      "| a  +---X----+ c  |",
      "+----+   |    +----+",
      "         |",
      "       +-+--+",
      "       | d  |",
      "       +----+");

  @Test
  void aBarWithLineOnBothSidesIsACrossingOfTwoLines() {
    ParsedDiagram d = ParsedDiagram.parse(CROSSING.replace('X', '|'));
    assertEquals(List.of(), d.problems);
    assertEquals(2, d.lines().size());
    assertEquals(2, d.lines().stream().mapToInt(ParsedDiagram.Trace::crossings).sum());
    assertEquals(0, d.lines().stream().mapToInt(ParsedDiagram.Trace::bends).sum());
  }

  @Test
  void aPlusWhereLinesCrossReadsAsAJunctionOfFourBoxes() {
    ParsedDiagram d = ParsedDiagram.parse(CROSSING.replace('X', '+'));
    assertTrue(d.problems.stream().anyMatch(p -> p.contains("4 arms")), d.problems.toString());
    assertTrue(d.problems.stream().anyMatch(p -> p.contains("meets 4 box borders")), d.problems.toString());
  }

  @Test
  void twoLinesSideBySideCrossedByAThirdAreTwoCrossings() {
    ParsedDiagram d = ParsedDiagram.parse(String.join("\n",
        "      +----+",
        "      | b  |",
        "      +-++-+",
        "        ||",
        "+----+  ||  +----+",
        "| a  +--||--+ c  |",
        "+----+  ||  +----+",
        "        ||",
        "      +-++-+",
        "      | d  |",
        "      +----+"));
    assertEquals(List.of(), d.problems);
    assertEquals(3, d.lines().size());
  }

  @Test
  void readsUnicodeAndCountsAWideCharacterAsTwoCells() {
    ParsedDiagram d = ParsedDiagram.parse(String.join("\n",
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2510     \u250c\u2500\u2500\u2500\u2500\u2510",
        "\u2502 \u540d\u524d \u251c\u2500\u2500\u2500\u2500\u2500\u2524 b  \u2502",
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2518     \u2514\u2500\u2500\u2500\u2500\u2518"));
    assertEquals(List.of(), d.problems);
    assertEquals(List.of("\u540d\u524d", "b"), d.boxes.stream().map(ParsedDiagram.Rect::title).toList());
    assertEquals(1, d.lines().size());
  }

  @Test
  void aLineRightAlongABordersSideIsReported() {
    ParsedDiagram d = ParsedDiagram.parse(String.join("\n",
        "+----+     +----+",
        "| a  +--+  | b  |",
        "+----+  |  +-+--+",
        "  +-----+    |",
        "  |          |",
        "  +----------+"));
    assertTrue(d.problems.stream().anyMatch(p -> p.contains("along the border of a")), d.problems.toString());
  }

  @Test
  void aBendBesideALineItDoesNotJoinIsReported() {
    ParsedDiagram d = ParsedDiagram.parse(String.join("\n",
        "+----+         +----+",
        "| a  +---------+ b  |",
        "+----+    +----+    |",
        "          |    +----+",
        "       +--+-+",
        "       | c  |",
        "       +----+"));
    assertTrue(d.problems.stream().anyMatch(p -> p.contains("stands beside")), d.problems.toString());
  }

  @Test
  void wiresDrawingARectangleAreReported() {
    ParsedDiagram d = ParsedDiagram.parse(String.join("\n",
        "+----+",
        "| a  +--+",
        "+----+  |",
        "     +--+--+",
        "     |     |",
        "     +--+--+",
        "        |",
        "     +--+-+",
        "     | b  |",
        "     +----+"));
    assertFalse(d.wireRectangles().isEmpty());
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
