package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The router's search cannot see the line it is drawing; {@link Router#flaw} looks at a found
 * path before it is drawn, so a path that comes back beside or over itself is searched again.
 */
class RouterTest {
  private static Router emptyGrid() {
    return new Router(new CellGrid(List.of(), 20, 10));
  }

  private static List<int[]> path(int... xy) {
    List<int[]> out = new java.util.ArrayList<>();
    for (int i = 0; i < xy.length; i += 2) {
      out.add(new int[] {xy[i], xy[i + 1]});
    }
    return out;
  }

  @Test
  void aStraightRunOrAPlainBendHasNoFlaw() {
    assertEquals(-1, emptyGrid().flaw(path(1, 1, 2, 1, 3, 1, 4, 1)));
    assertEquals(-1, emptyGrid().flaw(path(1, 1, 2, 1, 3, 1, 3, 2, 3, 3)));
  }

  @Test
  void aHairpinIsABendBesideItsOwnLine() {
    // In from the right, up one, left one, down again: "++" over "|+--", the first bend beside
    // the leg going down, where a reader sees the two legs joined.
    assertTrue(emptyGrid().flaw(path(5, 2, 4, 2, 3, 2, 3, 1, 2, 1, 2, 2, 2, 3)) >= 0);
    // Two parallel legs joined at their end ("--+" over "--+") read as one line: no flaw.
    assertEquals(-1, emptyGrid().flaw(path(1, 1, 2, 1, 3, 1, 3, 2, 2, 2, 1, 2)));
  }

  @Test
  void aPathOverItsOwnCellsIsAFlaw() {
    // Round a loop and across its own start: drawn, the crossing cell would join the line to itself.
    assertTrue(emptyGrid().flaw(path(2, 1, 2, 2, 2, 3, 3, 3, 4, 3, 4, 2, 3, 2, 2, 2, 1, 2)) >= 0);
  }
}
