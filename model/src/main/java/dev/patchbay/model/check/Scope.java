package dev.patchbay.model.check;

import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3.NicChange;
import dev.patchbay.model.reach.Segments.Segment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What edits since the last check changed when each one only edited a guest without touching its
 * wiring (same name, same NIC names: addresses, MACs, gateways, DNS, models): the guests, the
 * segments their NICs are on, and the NICs of those segments that read differently now.
 */
public record Scope(Set<String> guests, Set<Segment> segments, List<NicChange> nics) {
  public Scope {
    guests = Set.copyOf(guests);
    segments = Set.copyOf(segments);
    nics = List.copyOf(nics);
  }

  /** Every address a changed NIC had or has. */
  public Set<Ipv4> addresses() {
    Set<Ipv4> out = new LinkedHashSet<>();
    for (NicChange c : nics) {
      if (c.before().address() != null) {
        out.add(c.before().address().address());
      }
      if (c.after().address() != null) {
        out.add(c.after().address().address());
      }
    }
    return out;
  }
}
