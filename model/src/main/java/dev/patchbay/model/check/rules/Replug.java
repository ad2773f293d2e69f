package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.edit.ConnectCommand;
import dev.patchbay.model.qemu.Processes;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.PortRole;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Wiring;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The repair of a NIC pulled from where it belongs: an unattached NIC and an idle tap or hub (a tap
 * nothing holds, a hub with no NIC, or a hub left with one port of that NIC's guest) are two halves
 * of one plug. Offered only when the pairing is unambiguous from both sides, so the NIC's finding
 * and the tap's or hub's offer the same fix and none guesses between candidates. Decided by wiring
 * alone: an address edit, which the incremental validator does not re-run these rules for, cannot change it.
 */
final class Replug {
  private static final Set<PortRole> HOLDERS = EnumSet.of(PortRole.NIC, PortRole.HUB, PortRole.VDE);

  /** Idle taps and NIC-less hubs: any unattached NIC may take one. */
  private final List<String> open = new ArrayList<>();
  private final Set<String> openSet = new java.util.HashSet<>();
  /** Hubs left with one port that is a NIC of this guest, by guest: only that guest's NICs may join. */
  private final Map<String, List<String>> ownHubs = new HashMap<>();
  private final Map<String, String> ownerOfHub = new HashMap<>();
  private final List<Endpoint> unattached = new ArrayList<>();
  private final Map<String, Integer> unattachedByGuest = new HashMap<>();

  // Counted, not paired: a design with many unattached NICs and idle taps stays linear.
  private Replug(Topology t, Processes processes) {
    t.elementsOf(Tap.class).filter(x -> idleTap(t, x)).forEach(x -> open.add(x.id()));
    for (Hub h : t.elementsOf(Hub.class).toList()) {
      List<String> guests = processes.guestsOn(h.id());
      if (guests.isEmpty()) {
        open.add(h.id());
      } else if (guests.size() == 1 && t.linksOf(h.id()).size() == 1) {
        ownHubs.computeIfAbsent(guests.get(0), k -> new ArrayList<>()).add(h.id());
        ownerOfHub.put(h.id(), guests.get(0));
      }
    }
    openSet.addAll(open);
    for (Guest g : t.elementsOf(Guest.class).toList()) {
      for (Nic n : g.nics()) {
        Endpoint end = Endpoint.of(g.id(), n.name());
        if (t.linksAt(end).isEmpty()) {
          unattached.add(end);
          unattachedByGuest.merge(g.id(), 1, Integer::sum);
        }
      }
    }
  }

  /**
   * The pairing of one design, found once per check and only if a finding asks for it: a design
   * with nothing unplugged never pays for it.
   */
  static Supplier<Replug> of(Topology t, Supplier<Processes> processes) {
    Replug[] once = new Replug[1];
    return () -> {
      if (once[0] == null) {
        once[0] = new Replug(t, processes.get());
      }
      return once[0];
    };
  }

  static Supplier<Replug> of(Topology t) {
    return of(t, () -> new Processes(t));
  }

  /** The fix for an idle tap or hub: the one unattached NIC that fits it, if that NIC fits nothing else. */
  Optional<Fix> forSlot(String slot) {
    if (openSet.contains(slot)) {
      return unattached.size() == 1 ? forNic(unattached.get(0)) : Optional.empty();
    }
    String owner = ownerOfHub.get(slot);
    if (owner == null || unattachedByGuest.getOrDefault(owner, 0) != 1) {
      return Optional.empty();
    }
    return unattached.stream().filter(n -> n.element().equals(owner)).findFirst().flatMap(this::forNic);
  }

  /** The fix for an unattached NIC: the one idle tap or hub, if no other NIC could take it. */
  Optional<Fix> forNic(Endpoint nic) {
    List<String> own = ownHubs.getOrDefault(nic.element(), List.of());
    if (open.size() + own.size() != 1) {
      return Optional.empty();
    }
    boolean alone = open.size() == 1 ? unattached.size() == 1 : unattachedByGuest.get(nic.element()) == 1;
    if (!alone) {
      return Optional.empty();
    }
    String slot = open.size() == 1 ? open.get(0) : own.get(0);
    return Optional.of(Fixes.of("Link " + nic + " to " + slot,
        x -> new ConnectCommand(new Link(x.freshId("l"), nic, Endpoint.of(slot)))));
  }

  private static boolean idleTap(Topology t, Tap tap) {
    return t.linksOf(tap.id()).stream().noneMatch(l -> Wiring.role(t, l.other(tap.id())).ok()
        && HOLDERS.contains(Wiring.role(t, l.other(tap.id())).value()));
  }
}
