package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkReading;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsTextTest {
  private static final CounterSnapshot SNAPSHOT = new CounterSnapshot(Instant.parse("2026-11-22T20:00:00Z"), 1.0, List.of(
      LinkReading.unavailable("l0", "lan", "internet", "outside the host"),
      new LinkReading("l2", "tap0", "br0", 12L, 30L, 42L, 4200L, 1L, 2L, 3.5, "kernel counters of tap0", null),
      new LinkReading("l7", "g:nic0", "bus", null, null, 9L, 540L, null, null, 0.0, "filter-dump g/net-nic0",
          "multicast loops frames back")));

  private static String row(String table, String linkId) {
    return table.lines().filter(l -> l.startsWith(linkId + " ")).findFirst().orElseThrow();
  }

  @Test
  void aRowPerLinkWithBothDirectionsRateBytesAndErrorsSlashDrops() {
    String l2 = row(StatsText.table(SNAPSHOT), "l2");
    assertEquals(List.of("l2", "tap0", "<->", "br0", "12", "30", "3.5", "4200", "1/2", "kernel", "counters", "of", "tap0"),
        List.of(l2.trim().split(" +")));
  }

  @Test
  void unreadableFiguresAreNotAvailableNeverZero() {
    String l0 = row(StatsText.table(SNAPSHOT), "l0");
    assertEquals(List.of("l0", "lan", "<->", "internet", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a"),
        List.of(l0.trim().split(" +")));
  }

  @Test
  void reasonsFollowTheTable() {
    String table = StatsText.table(SNAPSHOT);
    assertTrue(table.contains("\nl0: n/a: outside the host\n"), table);
    assertTrue(table.contains("\nl7: total 9 frames only: multicast loops frames back\n"), table);
  }

  @Test
  void columnsLineUpUnderTheHeader() {
    List<String> lines = StatsText.table(SNAPSHOT).lines().limit(4).toList();
    int source = lines.get(0).indexOf("SOURCE");
    assertTrue(source > 0);
    assertEquals(source, lines.get(2).indexOf("kernel"));
  }

  @Test
  void jsonKeepsUnknownFiguresNull() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> links = (List<Map<String, Object>>) StatsText.json(SNAPSHOT).get("links");
    assertEquals(false, links.get(0).get("available"));
    assertNull(links.get(0).get("frames"));
    assertNull(links.get(2).get("aToB"));
    assertEquals(9L, links.get(2).get("frames"));
    assertEquals(3.5, links.get(1).get("framesPerSecond"));
  }
}
