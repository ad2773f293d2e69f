package dev.patchbay.model.importer;

import dev.patchbay.model.text.Printable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Network backends in a start script that Patchbay does not draw ({@code vhost-user}, {@code l2tpv3},
 * {@code bridge}, {@code vmnet-*}, a socket on an inherited {@code fd=}) and the NICs plugged into
 * them: taken out of the command line and named as not imported, so the rest of the guest imports
 * instead of the whole file being refused.
 */
final class UndrawnNetworks {
  private static final Set<String> DRAWN = Set.of("tap", "user", "socket", "stream", "dgram", "vde", "hubport");

  private UndrawnNetworks() {}

  /** The options without undrawn backends and their NICs; each one left out is added to {@code skipped}. */
  static List<QemuArguments.Option> filter(String guest, List<QemuArguments.Option> options, List<Skipped> skipped) {
    Set<String> undrawnIds = new HashSet<>();
    for (QemuArguments.Option o : options) {
      if (o.name().equals("netdev") && undrawn(OptionValue.parse(o.value()))) {
        OptionValue.parse(o.value()).get("id").ifPresent(undrawnIds::add);
      }
    }
    List<QemuArguments.Option> kept = new ArrayList<>();
    for (QemuArguments.Option o : options) {
      boolean backend = o.name().equals("netdev") || o.name().equals("nic")
          || (o.name().equals("net") && !"nic".equals(OptionValue.parse(o.value()).type()));
      OptionValue v = backend || o.name().equals("device") ? OptionValue.parse(o.value()) : null;
      if (backend && !"none".equals(v.type()) && undrawn(v)) {
        skipped.add(new Skipped(guest + ": -" + o.name() + " " + Printable.line(o.value()), type(v) + " network",
            "Patchbay draws tap, user, socket, stream, dgram, VDE and hub networks"
                + (o.name().equals("nic") ? "; the NIC goes with it" : "")));
      } else if (o.name().equals("device") && v.get("netdev").filter(undrawnIds::contains).isPresent()) {
        skipped.add(new Skipped(guest + ": -device " + Printable.line(o.value()), "NIC",
            "it is plugged into netdev '" + v.get("netdev").get() + "', which is not imported"));
      } else {
        kept.add(o);
      }
    }
    if (kept.size() < options.size()) {
      // The guest had networking: without this a guest left with none would get QEMU's default user net.
      kept.add(new QemuArguments.Option("nic", "none", -1));
    }
    return kept;
  }

  private static boolean undrawn(OptionValue v) {
    return !DRAWN.contains(v.type() == null ? "" : v.type())
        || ("socket".equals(v.type()) && v.get("fd").isPresent());
  }

  private static String type(OptionValue v) {
    return "socket".equals(v.type()) ? "socket on an inherited fd=" : v.type();
  }
}
