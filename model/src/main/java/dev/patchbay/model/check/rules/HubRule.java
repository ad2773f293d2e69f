package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.edit.RemoveCommand;
import dev.patchbay.model.qemu.Processes;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** QEMU hubs (QEMU's old vlans): each lives in one QEMU process and needs a NIC there. */
public final class HubRule implements Rule {
  static final RuleInfo NO_NIC = new RuleInfo("hub.no-nic", Severity.ERROR,
      "A hub lives inside the QEMU process of a guest whose NIC is on it. With no NIC QEMU refuses to start:"
          + " \"Invalid vlan (0) with no nics\" (QEMU's words). Link a guest's NIC to the hub, or delete the hub.");
  static final RuleInfo SINGLE_PORT = new RuleInfo("hub.single-port", Severity.WARNING,
      "A hub floods every frame to its other ports (the samples \"A hub with NICs\" and \"A hub joined to a tap\"); with one port there is nobody to flood to.");
  static final RuleInfo MULTI_PROCESS = new RuleInfo("hub.multi-process", Severity.ERROR,
      "A hub is a switch inside ONE QEMU process; NICs of two guests (two processes) cannot share it."
          + " Give each guest its own hub and join the hubs with a socket link (the sample \"Two guests joined by a socket\"), or use a bridge of taps.");
  static final RuleInfo ID_CLASH = new RuleInfo("hub.id-clash", Severity.ERROR,
      "Two hubs with the same hubid (the old vlan=N) in one QEMU process are the same hub: QEMU merges them.");

  @Override
  public String id() {
    return "hub";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(NO_NIC, SINGLE_PORT, MULTI_PROCESS, ID_CLASH);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    // Taps too: an idle one may take the unattached NIC a hub's fix would plug (Replug).
    return Changes.touchesLinksOr(c, Set.of(Hub.class, Guest.class, Tap.class)) && !Changes.keepsGuestWiring(c);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    Processes processes = new Processes(t);
    Supplier<Replug> replug = Replug.of(t, () -> processes);
    Map<String, Hub> seen = new HashMap<>();
    for (Hub h : t.elementsOf(Hub.class).toList()) {
      List<Link> links = t.linksOf(h.id());
      List<String> guests = processes.guestsOn(h.id());
      if (guests.isEmpty()) {
        out.add(noNic(replug, h, links));
      } else if (guests.size() > 1) {
        List<String> ids = new ArrayList<>(List.of(h.id()));
        ids.addAll(guests);
        out.add(Names.finding(MULTI_PROCESS, Names.of(h) + " has NICs of " + guests.size() + " guests ("
                + String.join(", ", guests) + "), but a hub exists inside one QEMU process", ids,
            MULTI_PROCESS.explain(), "Keep one guest's NICs on " + h.name() + "; give the others their own hub and"
                + " join the hubs with a socket link."));
      }
      if (links.size() == 1) {
        String msg = Names.of(h) + " has a single port (" + links.get(0).id() + ")";
        out.add(replug.get().forSlot(h.id()).map(f -> Names.finding(SINGLE_PORT, msg, List.of(h.id()), SINGLE_PORT.explain(), f))
            .orElseGet(() -> Names.finding(SINGLE_PORT, msg, List.of(h.id()), SINGLE_PORT.explain(), "Link another"
                + " NIC of the same guest, a tap, a socket or user net to " + h.name() + ", or delete it and link "
                + links.get(0).other(h.id()) + " straight to what the hub was to join.")));
      }
      guests.stream().findFirst().ifPresent(owner -> {
        Hub other = seen.putIfAbsent(owner + "#" + h.hubId(), h);
        if (other != null) {
          out.add(Names.finding(ID_CLASH, Names.of(h) + " and " + Names.of(other) + " both use hubid " + h.hubId()
                  + " in the QEMU process of guest " + owner, List.of(h.id(), other.id()), ID_CLASH.explain(),
              freeHubId(t, h)));
        }
      });
    }
    return out;
  }

  /** A hubid no hub of the design uses, so it stays free whichever process the hub ends up in. */
  private static Fix freeHubId(Topology t, Hub h) {
    Set<Integer> used = new java.util.HashSet<>();
    t.elementsOf(Hub.class).forEach(x -> used.add(x.hubId()));
    int free = 0;
    while (used.contains(free)) {
      free++;
    }
    int id = free;
    return Fixes.element("Give " + h.name() + " the free hubid " + id, h.id(), Hub.class,
        now -> new Hub(now.id(), now.name(), id));
  }

  private Diagnostic noNic(Supplier<Replug> replug, Hub h, List<Link> links) {
    String msg = Names.of(h) + " has no NIC on it: QEMU says \"Invalid vlan (" + h.hubId() + ") with no nics\"";
    if (links.isEmpty()) {
      return Names.finding(NO_NIC, msg, List.of(h.id()), NO_NIC.explain(),
          Fixes.of("Delete the unused " + h.name(), x -> new RemoveCommand(Set.of(h.id()), Set.of())));
    }
    return replug.get().forSlot(h.id()).map(f -> Names.finding(NO_NIC, msg, List.of(h.id()), NO_NIC.explain(), f))
        .orElseGet(() -> Names.finding(NO_NIC, msg, List.of(h.id()), NO_NIC.explain(),
            "Link a guest's NIC to " + h.name() + " (as a hub joined to a tap: -net nic -net tap,ifname=tap0)."));
  }
}
