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

/**
 * The repair of a NIC pulled from where it belongs: an unattached NIC and an idle tap or hub (a tap
 * nothing holds, a hub with no NIC, or a hub left with one port of that NIC's guest) are two halves
 * of one plug. Offered only when the pairing is unambiguous from both sides, so the NIC's finding
 * and the tap's or hub's offer the same fix and none guesses between candidates. Decided by wiring
 * alone: an address edit, which the incremental validator does not re-run these rules for, cannot change it.
 */
final class Replug {
  private static final Set<PortRole> HOLDERS = EnumSet.of(PortRole.NIC, PortRole.HUB, PortRole.VDE);

  private final Map<Endpoint, List<String>> slotsOfNic = new HashMap<>();
  private final Map<String, List<Endpoint>> nicsOfSlot = new HashMap<>();

  private Replug(Topology t, Processes processes) {
    List<String> idleTaps = t.elementsOf(Tap.class).filter(x -> idleTap(t, x)).map(Tap::id).toList();
    List<Hub> hubs = t.elementsOf(Hub.class).toList();
    for (Guest g : t.elementsOf(Guest.class).toList()) {
      for (Nic n : g.nics()) {
        Endpoint end = Endpoint.of(g.id(), n.name());
        if (!t.linksAt(end).isEmpty()) {
          continue;
        }
        idleTaps.forEach(tap -> pair(end, tap));
        hubs.stream().filter(h -> idleFor(t, processes, h, g.id())).forEach(h -> pair(end, h.id()));
      }
    }
  }

  /** The pairing of one design, found once per check. */
  static Replug of(Topology t, Processes processes) {
    return new Replug(t, processes);
  }

  static Replug of(Topology t) {
    return new Replug(t, new Processes(t));
  }

  private void pair(Endpoint nic, String slot) {
    slotsOfNic.computeIfAbsent(nic, k -> new ArrayList<>()).add(slot);
    nicsOfSlot.computeIfAbsent(slot, k -> new ArrayList<>()).add(nic);
  }

  /** The fix for an idle tap or hub: the one unattached NIC that fits it, if that NIC fits nothing else. */
  Optional<Fix> forSlot(String slot) {
    List<Endpoint> nics = nicsOfSlot.getOrDefault(slot, List.of());
    return nics.size() == 1 ? forNic(nics.get(0)) : Optional.empty();
  }

  /** The fix for an unattached NIC: the one idle tap or hub, if no other NIC could take it. */
  Optional<Fix> forNic(Endpoint nic) {
    List<String> slots = slotsOfNic.getOrDefault(nic, List.of());
    if (slots.size() != 1 || nicsOfSlot.get(slots.get(0)).size() != 1) {
      return Optional.empty();
    }
    String slot = slots.get(0);
    return Optional.of(Fixes.of("Link " + nic + " to " + slot,
        x -> new ConnectCommand(new Link(x.freshId("l"), nic, Endpoint.of(slot)))));
  }

  private static boolean idleTap(Topology t, Tap tap) {
    return t.linksOf(tap.id()).stream().noneMatch(l -> Wiring.role(t, l.other(tap.id())).ok()
        && HOLDERS.contains(Wiring.role(t, l.other(tap.id())).value()));
  }

  /** A hub with no NIC, or with a single port that is a NIC of this guest (a hub lives in one QEMU process). */
  private static boolean idleFor(Topology t, Processes processes, Hub h, String guestId) {
    List<String> guests = processes.guestsOn(h.id());
    return guests.isEmpty() || (guests.equals(List.of(guestId)) && t.linksOf(h.id()).size() == 1);
  }
}
