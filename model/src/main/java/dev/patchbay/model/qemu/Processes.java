package dev.patchbay.model.qemu;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which QEMU process each hub lives in. A hub (QEMU's old vlan) exists inside one process: the one
 * of the guest whose NIC is on it. A hub with no NIC belongs to no process (QEMU: "Invalid vlan (0)
 * with no nics"); a hub with NICs of several guests is impossible in QEMU and the validator says so.
 */
public final class Processes {
  private final Topology topology;
  private final Map<String, List<String>> guestsOfHub = new LinkedHashMap<>();

  public Processes(Topology topology) {
    this.topology = topology;
    topology.elementsOf(Hub.class).forEach(h -> guestsOfHub.put(h.id(), new ArrayList<>()));
    for (Link l : topology.links()) {
      note(l.a(), l.b());
      note(l.b(), l.a());
    }
  }

  private void note(Endpoint hubEnd, Endpoint other) {
    List<String> guests = guestsOfHub.get(hubEnd.element());
    if (guests == null) {
      return;
    }
    Optional<Element> e = topology.element(other.element());
    if (e.isPresent() && e.get() instanceof Guest g && !guests.contains(g.id())) {
      guests.add(g.id());
    }
  }

  /** The guest whose QEMU process holds the hub, if exactly one can. */
  public Optional<String> owner(String hubId) {
    List<String> guests = guestsOfHub.getOrDefault(hubId, List.of());
    return guests.isEmpty() ? Optional.empty() : Optional.of(guests.get(0));
  }

  /** Every guest with a NIC on the hub, in link order. */
  public List<String> guestsOn(String hubId) {
    return List.copyOf(guestsOfHub.getOrDefault(hubId, List.of()));
  }

  /** Hubs held by the guest's process, in file order. */
  public List<Hub> hubsOf(String guestId) {
    return topology.elementsOf(Hub.class).filter(h -> owner(h.id()).filter(guestId::equals).isPresent()).toList();
  }
}
