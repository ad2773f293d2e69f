package dev.patchbay.app.designer.live;

import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkReading;
import java.util.HashMap;
import java.util.Map;

/**
 * Rates from successive counter readings: each figure's increase since the link's previous reading
 * over the real time the poller measured between its two polls ({@link CounterSnapshot#elapsedSeconds}).
 * A figure missing from either reading, a counter that went back (a restarted guest's new frame
 * dump) and the first reading give no rate (null), never an invented 0.
 */
public final class RateMeter {
  private Map<String, LinkReading> previous = Map.of();
  private CounterSnapshot last;
  private Map<String, LinkRates> lastRates = Map.of();

  /** The rates of every link in the snapshot; the same snapshot twice changes nothing. */
  public Map<String, LinkRates> next(CounterSnapshot s) {
    if (s == last) {
      return lastRates;
    }
    Map<String, LinkRates> rates = new HashMap<>();
    Map<String, LinkReading> now = new HashMap<>();
    for (LinkReading r : s.links()) {
      now.put(r.linkId(), r);
      LinkReading before = previous.get(r.linkId());
      rates.put(r.linkId(), before == null ? LinkRates.UNKNOWN : between(before, r, s.elapsedSeconds()));
    }
    previous = now;
    last = s;
    lastRates = Map.copyOf(rates);
    return lastRates;
  }

  /** Forgets every reading: the next snapshot is a first one. */
  public void reset() {
    previous = Map.of();
    last = null;
    lastRates = Map.of();
  }

  static LinkRates between(LinkReading before, LinkReading now, double seconds) {
    return new LinkRates(perSecond(before.aToB(), now.aToB(), seconds, 1),
        perSecond(before.bToA(), now.bToA(), seconds, 1), perSecond(before.total(), now.total(), seconds, 1),
        perSecond(before.aToBBytes(), now.aToBBytes(), seconds, 8),
        perSecond(before.bToABytes(), now.bToABytes(), seconds, 8), perSecond(before.bytes(), now.bytes(), seconds, 8));
  }

  private static Double perSecond(Long before, Long now, double seconds, int scale) {
    if (before == null || now == null || now < before || !(seconds > 0)) {
      return null;
    }
    return (now - before) * (double) scale / seconds;
  }
}
