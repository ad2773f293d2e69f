package dev.patchbay.model.check.fix;

import dev.patchbay.model.check.Fix;
import dev.patchbay.model.edit.Command;
import dev.patchbay.model.edit.ReplaceElementCommand;
import dev.patchbay.model.edit.SetHostCommand;
import dev.patchbay.model.net.Mac;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The mechanical repairs the catalogue offers. Each builds its command against the topology as it
 * is when applied, so a fix offered a few edits ago still does the right thing.
 */
public final class Fixes {
  private Fixes() {}

  /** A fix from a description and a way to build its command. */
  public record Simple(String description, Function<Topology, Command> build) implements Fix {
    @Override
    public Command command(Topology topology) {
      return build.apply(topology);
    }
  }

  public static Fix of(String description, Function<Topology, Command> build) {
    return new Simple(description, build);
  }

  /** Edits the host's settings in one step. */
  public static Fix host(String description, UnaryOperator<HostSettings> change) {
    return of(description, t -> new SetHostCommand(change.apply(t.host()), description));
  }

  /** Replaces one element with an edited copy in one step. */
  public static <T extends Element> Fix element(String description, String id, Class<T> type, UnaryOperator<T> change) {
    return of(description, t -> new ReplaceElementCommand(
        change.apply(type.cast(t.element(id).orElseThrow(() -> new IllegalStateException("no element " + id)))),
        description));
  }

  public static Fix enableForwarding() {
    return host("Enable ip_forward on the host", h -> h.withIpForward(true));
  }

  public static Fix addNat(String source, String out) {
    return host("Masquerade " + source + " out of " + out, h -> h.withNat(plus(h.nat(), new HostSettings.Nat(source, out))));
  }

  public static Fix addRoute(String destination, String device) {
    return host("Add host route " + destination + " dev " + device,
        h -> h.withRoutes(plus(h.routes(), new HostSettings.Route(destination, null, device))));
  }

  /** Proxy ARP hands the host packets it must then route (proxy ARP over Wi-Fi sets both), so ip_forward comes along. */
  public static Fix addProxyArp(String interfaceId) {
    return host("Enable proxy_arp on " + interfaceId + " (and ip_forward, which it needs)",
        h -> h.withProxyArp(plus(h.proxyArp(), interfaceId)).withIpForward(true));
  }

  /** Gives one NIC a MAC in QEMU's 52:54:00 range that no other NIC of the design uses. */
  public static Fix freshMac(String guestId, String nicName) {
    String d = "Give " + guestId + ":" + nicName + " a fresh MAC";
    return of(d, t -> {
      Guest g = (Guest) t.element(guestId).orElseThrow(() -> new IllegalStateException("no guest " + guestId));
      Nic nic = g.nic(nicName).orElseThrow();
      String mac = freshMac(macs(t), (guestId + ":" + nicName).hashCode());
      return new ReplaceElementCommand(g.withNic(nic.withMac(mac)), d);
    });
  }

  /** Every MAC set in the design, lower case. */
  public static Set<String> macs(Topology t) {
    Set<String> used = new HashSet<>();
    t.elementsOf(Guest.class).forEach(g -> g.nics().forEach(n -> {
      if (n.mac() != null) {
        used.add(n.mac().trim().toLowerCase(java.util.Locale.ROOT));
      }
    }));
    return used;
  }

  /** Deterministic for a given NIC (same suggestion every time), never a MAC already used. */
  public static String freshMac(Set<String> used, long seed) {
    Random r = new Random(seed);
    while (true) {
      String m = Mac.random(r).toString();
      if (!used.contains(m) && !m.equals(Mac.QEMU_DEFAULT.toString())) {
        return m;
      }
    }
  }

  static <T> List<T> plus(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    if (!out.contains(item)) {
      out.add(item);
    }
    return out;
  }
}
