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

  @Test
  void labelShowsEachDirectionAndTheRate() {
    assertEquals("12 / 10 \u00b7 2.0/s", LiveCountersViewModel.label(both(2.0)));
  }

  @Test
  void firstPollHasNoRateYetAndSaysSo() {
    assertEquals("12 / 10 \u00b7 n/a", LiveCountersViewModel.label(both(null)));
  }

  @Test
  void aLinkWhoseDirectionCannotBeToldShowsOnlyTheTotal() {
    LinkReading r = new LinkReading("l1", "guestA:nic0", "bus", null, null, 40L, 4000L, null, null, 4.0,
        "frame dump of net-nic0", "multicast echoes a guest's own frames");
    assertEquals("\u03a3 40 \u00b7 4.0/s", LiveCountersViewModel.label(r));
    assertTrue(LiveCountersViewModel.tooltip(r).contains("guestA:nic0 \u2192 bus: n/a"));
    assertTrue(LiveCountersViewModel.tooltip(r).contains("errors: n/a"), "a dump has no error counter: n/a, not 0");
  }

  @Test
  void anUnreadableLinkIsNaNeverZero() {
    LinkReading r = LinkReading.unavailable("l0", "lan", "internet", "the LAN and the Internet lie outside the host");
    assertEquals("n/a", LiveCountersViewModel.label(r));
    assertFalse(LiveCountersViewModel.tooltip(r).contains("0"), LiveCountersViewModel.tooltip(r));
    assertTrue(LiveCountersViewModel.tooltip(r).contains("outside the host"));
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
