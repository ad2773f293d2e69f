package dev.patchbay.app.designer.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.counters.LinkReading;
import org.junit.jupiter.api.Test;

class LiveCountersViewModelTest {
  private static LinkReading both(Double rate) {
    return new LinkReading("l4", "guest1:nic0", "tap0", 12L, 10L, 22L, 2156L, 0L, 1L, rate, "kernel counters of tap0", null);
  }

  private static final LinkRates RATES = new LinkRates(12.0, 0.5, 12.5, 9_600.0, 400.0, 10_000.0);

  @Test
  void labelShowsEachDirectionWithAnArrowTheWayTheFramesGoInFramesAndBitsPerSecond() {
    assertEquals("\u2192 12 fr/s \u00b7 9.6 kbit/s\n\u2190 0.5 fr/s \u00b7 400 bit/s",
        LiveCountersViewModel.label(both(2.0), RATES, "\u2192"));
    assertEquals("\u2191 12 fr/s \u00b7 9.6 kbit/s\n\u2193 0.5 fr/s \u00b7 400 bit/s",
        LiveCountersViewModel.label(both(2.0), RATES, "\u2191"), "a wire running up from a to b");
  }

  @Test
  void firstPollHasNoRateYetAndSaysSo() {
    assertEquals("\u2192 n/a\n\u2190 n/a", LiveCountersViewModel.label(both(null), null, "\u2192"));
  }

  @Test
  void bitsOfAFigureNobodyCountsAreNaNotZero() {
    LinkRates framesOnly = new LinkRates(3.0, 1.0, 4.0, null, null, null);
    assertEquals("\u2190 3.0 fr/s \u00b7 n/a bit/s\n\u2192 1.0 fr/s \u00b7 n/a bit/s",
        LiveCountersViewModel.label(both(4.0), framesOnly, "\u2190"));
  }

  @Test
  void largeRatesTakeTheirUnit() {
    assertEquals("2.5 Mbit/s", LiveCountersViewModel.bits(2_500_000));
    assertEquals("1.2 Gbit/s", LiveCountersViewModel.bits(1_234_000_000));
    assertEquals("999 bit/s", LiveCountersViewModel.bits(999));
  }

  @Test
  void aLinkWhoseDirectionCannotBeToldShowsOnlyTheTotal() {
    LinkReading r = new LinkReading("l1", "guestA:nic0", "bus", null, null, 40L, 4000L, null, null, 4.0,
        "frame dump of net-nic0", "multicast echoes a guest's own frames");
    assertEquals("\u21c4 4.0 fr/s \u00b7 3.2 kbit/s",
        LiveCountersViewModel.label(r, new LinkRates(null, null, 4.0, null, null, 3200.0), "\u2192"));
    assertTrue(LiveCountersViewModel.tooltip(r).contains("guestA:nic0 \u2192 bus: n/a"));
    assertTrue(LiveCountersViewModel.tooltip(r).contains("errors: n/a"), "a dump has no error counter: n/a, not 0");
  }

  @Test
  void anUnreadableLinkIsNaNeverZero() {
    LinkReading r = LinkReading.unavailable("l0", "lan", "internet", "the LAN and the Internet lie outside the host");
    assertEquals("n/a", LiveCountersViewModel.label(r, RATES, "\u2192"));
    assertFalse(LiveCountersViewModel.tooltip(r).contains("0"), LiveCountersViewModel.tooltip(r));
    assertTrue(LiveCountersViewModel.tooltip(r).contains("outside the host"));
  }

  @Test
  void tooltipGivesTheRatesEachWayByName() {
    String tip = LiveCountersViewModel.tooltip(both(2.0), RATES);
    assertTrue(tip.contains("guest1:nic0 \u2192 tap0: 12 fr/s \u00b7 9.6 kbit/s"), tip);
    assertTrue(tip.contains("tap0 \u2192 guest1:nic0: 0.5 fr/s"), tip);
  }

  @Test
  void tooltipNamesEveryFigureAndItsSource() {
    String tip = LiveCountersViewModel.tooltip(both(2.0));
    assertTrue(tip.contains("guest1:nic0 \u2192 tap0: 12 frames"), tip);
    assertTrue(tip.contains("tap0 \u2192 guest1:nic0: 10 frames"), tip);
    assertTrue(tip.contains("bytes: 2156") && tip.contains("drops: 1") && tip.contains("source: kernel counters of tap0"), tip);
  }

  @Test
  void busierLinksAreDrawnThicker() {
    assertEquals(2, LiveCountersViewModel.strokeWidth(both(0.0)));
    assertTrue(LiveCountersViewModel.strokeWidth(both(10.0)) > LiveCountersViewModel.strokeWidth(both(1.0)));
    assertTrue(LiveCountersViewModel.strokeWidth(both(1e9)) <= 7);
  }
}
