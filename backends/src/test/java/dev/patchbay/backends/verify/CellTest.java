package dev.patchbay.backends.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.backends.probe.Probe;
import dev.patchbay.model.reach.Reachability.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Predicted against observed: how probe results become a cell, and how the report shows it. */
class CellTest {
  private static final Probe TCP = Probe.tcp("10.0.0.2", 7070);
  private static final Probe ICMP = Probe.icmp("10.0.0.2");
  private static final Expectation YES = new Expectation(Verdict.YES, null, "yes", "");
  private static final Expectation NO = new Expectation(Verdict.NO, null, "no", "");

  private static Check check(Expectation e) {
    return Check.byGuest("g1", "lan", e, "g1", List.of(TCP, ICMP));
  }

  @Test
  void allProbesThroughIsYesAndAgreesWithYes() {
    Cell c = Cell.of(check(YES), Map.of(TCP, true, ICMP, true));
    assertEquals("yes", c.observed());
    assertTrue(c.agrees());
  }

  @Test
  void noProbeThroughIsNoAndDisagreesWithYes() {
    Cell c = Cell.of(check(YES), Map.of(TCP, false, ICMP, false));
    assertEquals("no", c.observed());
    assertTrue(c.disagrees());
  }

  @Test
  void aProbeWithoutAResultCountsAsFailed() {
    assertEquals("no", Cell.of(check(NO), Map.of()).observed());
  }

  @Test
  void tcpThroughAndPingNotIsPartialAndDisagreesWithEither() {
    Map<Probe, Boolean> split = Map.of(TCP, true, ICMP, false);
    assertEquals("partial (tcp yes, icmp no)", Cell.of(check(YES), split).observed());
    assertTrue(Cell.of(check(YES), split).disagrees());
    assertTrue(Cell.of(check(NO), split).disagrees());
  }

  @Test
  void untestedCellNeitherAgreesNorDisagrees() {
    Cell c = Cell.of(Check.untested("g1", "host", NO, "no host address"), Map.of());
    assertNull(c.agrees());
    assertFalse(c.disagrees());
    assertEquals("none: no host address", c.probe());
  }

  @Test
  void reportWithADisagreementIsNotAllAgreeAndMarksItInTheTable() {
    VerifyReport r = new VerifyReport("lab1", List.of(Cell.of(check(YES), Map.of(TCP, false, ICMP, false)),
        Cell.of(check(NO), Map.of(TCP, false, ICMP, false))));
    assertFalse(r.allAgree());
    assertEquals(1, r.disagreements());
    assertTrue(r.table().contains("DIFFERS"), r.table());
    assertTrue(r.table().contains("2 cells: 1 agree, 1 differ, 0 untested"), r.table());
  }

  @Test
  void jsonHasACellPerCheckWithPredictedObservedAgreesAndProbe() throws Exception {
    VerifyReport r = new VerifyReport("lab1", List.of(Cell.of(check(YES), Map.of(TCP, true, ICMP, true))));
    JsonNode cell = new ObjectMapper().readTree(r.json()).path("cells").get(0);
    assertEquals("g1", cell.path("from").asText());
    assertEquals("lan", cell.path("to").asText());
    assertEquals("yes", cell.path("predicted").asText());
    assertEquals("yes", cell.path("observed").asText());
    assertTrue(cell.path("agrees").asBoolean());
    assertEquals("guest g1 tcp:10.0.0.2:7070 icmp:10.0.0.2", cell.path("probe").asText());
  }
}
