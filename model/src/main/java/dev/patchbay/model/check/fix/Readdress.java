package dev.patchbay.model.check.fix;

import dev.patchbay.model.check.Fix;
import dev.patchbay.model.edit.ReplaceElementCommand;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * An interface address that is its subnet's network or broadcast address moved to a free one of
 * the same subnet. The address is picked when the fix is applied, against the design as it is
 * then, so the finding's words do not depend on other elements' addresses.
 */
public final class Readdress {
  private Readdress() {}

  /**
   * @param what the interface in the user's words ("guest1:nic0", "tap0")
   * @param set the element with the new address (CIDR) in place of the old
   */
  public static Fix intoSubnet(String id, String what, Cidr bad, BiFunction<Element, String, Element> set) {
    Cidr net = bad.network();
    String d = "Give " + what + " a free address of " + net;
    return Fixes.of(d, t -> {
      Element now = t.element(id).orElseThrow(() -> new IllegalStateException("no element " + id));
      return new ReplaceElementCommand(set.apply(now, free(t, net) + "/" + net.prefix()), d);
    });
  }

  /** The lowest address strictly inside the subnet that no interface, gateway or LAN router of the design has. */
  static Ipv4 free(Topology t, Cidr net) {
    Set<Ipv4> used = used(t);
    Ipv4 last = net.broadcast();
    for (Ipv4 a = net.address().plus(1); a.compareTo(last) < 0; a = a.plus(1)) {
      if (!used.contains(a)) {
        return a;
      }
    }
    return net.address().plus(1); // a full subnet: the duplicate this makes is reported by its own rule
  }

  private static Set<Ipv4> used(Topology t) {
    Set<Ipv4> out = new HashSet<>();
    for (Element e : t.elements()) {
      if (e instanceof Guest g) {
        g.nics().forEach(n -> {
          add(out, n.ip().address());
          add(out, n.ip().gateway());
        });
      } else if (e instanceof Tap tap) {
        add(out, tap.address());
      } else if (e instanceof Bridge b) {
        add(out, b.address());
      } else if (e instanceof Uplink u) {
        add(out, u.address());
        add(out, u.gateway());
      } else if (e instanceof Lan l) {
        add(out, l.gateway());
      }
    }
    return out;
  }

  private static void add(Set<Ipv4> out, String address) {
    if (address != null) {
      Cidr.parse(address).ifPresent(c -> out.add(c.address()));
    }
  }
}
