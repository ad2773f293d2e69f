package dev.patchbay.app.designer.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkReading;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateMeterTest {
  private static LinkReading tap(long aToB, long bToA, long aBytes, long bBytes) {
    return new LinkReading("l4", "guest1:nic0", "tap0", aToB, bToA, aToB + bToA, aBytes + bBytes, 0L, 0L, null,
        "kernel counters of tap0", null, aBytes, bBytes);
  }

  private static CounterSnapshot at(double elapsed, LinkReading... r) {
    return new CounterSnapshot(Instant.EPOCH, elapsed, List.of(r));
  }

  @Test
  void ratesAreTheIncreaseOverTheMeasuredInterval() {
    RateMeter m = new RateMeter();
    m.next(at(0, tap(10, 4, 1000, 400)));
    LinkRates r = m.next(at(2.0, tap(30, 8, 4000, 800))).get("l4");
    assertEquals(10.0, r.framesAToB());
    assertEquals(2.0, r.framesBToA());
    assertEquals(12.0, r.frames());
    assertEquals(12_000.0, r.bitsAToB(), "3000 bytes in 2 s");
    assertEquals(1_600.0, r.bitsBToA());
    assertEquals(13_600.0, r.bits());
  }

  @Test
  void theFirstReadingHasNoRateNotAZero() {
    LinkRates r = new RateMeter().next(at(0, tap(10, 4, 1000, 400))).get("l4");
    assertSame(LinkRates.UNKNOWN, r);
    assertEquals("\u2192 n/a\n\u2190 n/a", LiveCountersViewModel.label(tap(10, 4, 1000, 400), r, "\u2192"));
  }

  @Test
  void aLinkThatCannotBeReadHasNoRateEitherSideOfTheGap() {
    RateMeter m = new RateMeter();
    m.next(at(0, tap(10, 4, 1000, 400)));
    LinkReading cut = LinkReading.unavailable("l4", "guest1:nic0", "tap0", "cut");
    LinkRates during = m.next(at(1.0, cut)).get("l4");
    assertNull(during.frames());
    assertEquals("n/a", LiveCountersViewModel.label(cut, during, "\u2192"));
    LinkRates after = m.next(at(1.0, tap(20, 5, 2000, 500))).get("l4");
    assertNull(after.framesAToB(), "no earlier reading to subtract: n/a, not the whole count");
  }

  @Test
  void aCounterThatWentBackIsNoNegativeRate() {
    RateMeter m = new RateMeter();
    m.next(at(0, tap(100, 40, 10_000, 4000)));
    LinkRates r = m.next(at(1.0, tap(3, 1, 300, 100))).get("l4"); // the guest restarted: a new frame dump
    assertNull(r.framesAToB());
    assertNull(r.bits());
  }

  @Test
  void aLinkWithoutDirectionsHasRatesBothWaysOnly() {
    RateMeter m = new RateMeter();
    LinkReading before = new LinkReading("l1", "guestA:nic0", "bus", null, null, 40L, 4000L, null, null, null, "dump", "mcast");
    LinkReading now = new LinkReading("l1", "guestA:nic0", "bus", null, null, 50L, 5000L, null, null, null, "dump", "mcast");
    m.next(at(0, before));
    LinkRates r = m.next(at(0.5, now)).get("l1");
    assertNull(r.framesAToB());
    assertEquals(20.0, r.frames());
    assertEquals(16_000.0, r.bits());
    assertEquals("\u21c4 20 fr/s \u00b7 16 kbit/s", LiveCountersViewModel.label(now, r, "\u2192"));
  }

  @Test
  void theSameSnapshotShownTwiceKeepsItsRates() {
    RateMeter m = new RateMeter();
    m.next(at(0, tap(10, 4, 1000, 400)));
    CounterSnapshot s = at(1.0, tap(20, 4, 2000, 400));
    LinkRates first = m.next(s).get("l4");
    assertEquals(first, m.next(s).get("l4"), "not recomputed against itself as zero");
    assertEquals(10.0, first.framesAToB());
  }
}
