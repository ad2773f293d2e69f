package dev.patchbay.backends.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A PB line garbled in serial.log (one byte logged twice by QEMU, seen in a red CI run under load)
 * is read from the console socket's copy instead of counting as a probe never reported.
 */
class ProbeReportGarbledLogTest {
  private static final Probe TCP = Probe.tcp("203.0.113.1", 7070);
  private static final String GARBLED =
      "PB-READY\nPB {\"probe\":\"tcp\",\"target\":\"203.0.113.1:7070\",\"ok\":true,\"ms\"\":670,\"tries\":1}\nPB-DONE\n";
  private static final String DELIVERED =
      "PB {\"probe\":\"tcp\",\"target\":\"203.0.113.1:7070\",\"ok\":true,\"ms\":670,\"tries\":1}\nPB-DONE\n";

  @Test
  void aLineGarbledInTheLogIsNoResultAlone() {
    ProbeReport logged = ProbeReport.parse(GARBLED);
    assertTrue(logged.result(TCP).isEmpty());
    assertEquals(1, logged.problems().size(), logged.problems()::toString);
  }

  @Test
  void theSocketsCopyOfTheLineGivesTheResult() {
    ProbeReport merged = ProbeReport.parse(GARBLED).withProbesFrom(ProbeReport.parse(DELIVERED));
    assertTrue(merged.result(TCP).orElseThrow().ok());
    assertEquals(1, merged.probes().size());
    assertTrue(merged.ready());
  }

  @Test
  void aResultTheLogHasIsKeptNotDoubled() {
    String clean = "PB-READY\n" + DELIVERED;
    ProbeReport merged = ProbeReport.parse(clean).withProbesFrom(ProbeReport.parse(DELIVERED));
    assertEquals(1, merged.probes().size());
  }
}
