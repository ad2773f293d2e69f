package dev.patchbay.model.counters;

import dev.patchbay.model.topology.Link;

/** One link of a topology and the meter that counts its frames. */
public record LinkMeter(Link link, Meter meter) {
  public boolean available() {
    return !(meter instanceof Meter.Unavailable);
  }
}
