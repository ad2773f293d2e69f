package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Interface addresses in a design, and the next free one in a subnet (for paste and duplicate). */
public final class Addresses {
  private Addresses() {}

  /** Every address (CIDR text) an element holds: NIC static addresses and host interface addresses. */
  public static Stream<String> of(Element e) {
    if (e instanceof Guest g) {
      return g.nics().stream().map(Nic::ip).filter(ip -> ip.isStatic() && ip.address() != null)
          .map(ip -> ip.address());
    }
    if (e instanceof Bridge b) {
      return Stream.ofNullable(b.address());
    }
    if (e instanceof Tap tp) {
      return Stream.ofNullable(tp.address());
    }
    if (e instanceof Uplink u) {
      return Stream.ofNullable(u.address());
    }
    return Stream.empty();
  }

  public static Set<Ipv4> used(Topology t) {
    Set<Ipv4> out = new HashSet<>();
    t.elements().stream().flatMap(Addresses::of).map(Cidr::parse)
        .flatMap(Optional::stream).forEach(c -> out.add(c.address()));
    return out;
  }

  /** The next address after {@code cidr}'s that is in its subnet and not taken; the input if none is. */
  public static String nextFree(String cidr, Set<Ipv4> taken) {
    Optional<Cidr> parsed = Cidr.parse(cidr);
    if (parsed.isEmpty()) {
      return cidr;
    }
    Cidr c = parsed.get();
    Ipv4 candidate = c.address();
    for (int i = 0; i < 1 << Math.min(16, 32 - c.prefix()); i++) {
      candidate = candidate.plus(1);
      Cidr next = new Cidr(candidate, c.prefix());
      if (c.contains(candidate) && !next.isNetworkOrBroadcast() && !taken.contains(candidate)) {
        taken.add(candidate);
        return next.toString();
      }
    }
    return cidr;
  }
}
