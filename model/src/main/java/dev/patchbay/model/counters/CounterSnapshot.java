package dev.patchbay.model.counters;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every link's reading from one poll.
 *
 * @param elapsedSeconds real time since the previous poll (0 on the first), the rates' denominator
 */
public record CounterSnapshot(Instant at, double elapsedSeconds, List<LinkReading> links) {
  public CounterSnapshot {
    links = List.copyOf(links);
  }

  public Optional<LinkReading> link(String linkId) {
    return links.stream().filter(r -> r.linkId().equals(linkId)).findFirst();
  }
}
