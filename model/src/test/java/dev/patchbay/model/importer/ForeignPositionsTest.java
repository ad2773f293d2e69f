package dev.patchbay.model.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.model.topology.Point;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule for positions of GNS3, containerlab, EVE-NG and CORE files. */
class ForeignPositionsTest {
  @ParameterizedTest
  @CsvSource({"120, -40.5", "' 7 ', 8", "1000000, -1000000"})
  void aFiniteCoordinatePairOnAnyCanvasIsAPoint(String x, String y) {
    assertEquals(Optional.of(new Point(Double.parseDouble(x.strip()), Double.parseDouble(y))),
        ForeignPositions.point(x, y));
  }

  @ParameterizedTest
  @CsvSource({"NaN, 1", "1, Infinity", "1e300, 1", "1000001, 0", "left, 1", "'', 1", "1, 0x10"})
  void anythingElseIsNoPosition(String x, String y) {
    assertEquals(Optional.empty(), ForeignPositions.point(x, y));
  }
}
