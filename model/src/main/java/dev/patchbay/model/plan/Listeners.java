package dev.patchbay.model.plan;

import dev.patchbay.model.qemu.Processes;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The TCP ports a guest's QEMU process listens on: the listen side of a socket or stream link. */
final class Listeners {
  private Listeners() {}

  static List<Integer> portsOf(Topology t, Guest g) {
    Processes processes = new Processes(t);
    List<Integer> ports = new ArrayList<>();
    for (Socket s : t.elementsOf(Socket.class).toList()) {
      if (s.transport() != Socket.Transport.SOCKET && s.transport() != Socket.Transport.STREAM) {
        continue;
      }
      for (Link l : t.linksAt(Endpoint.of(s.id(), Socket.LISTEN))) {
        String holder = l.other(s.id()).element();
        Optional<String> process = t.element(holder).filter(Guest.class::isInstance).map(e -> e.id())
            .or(() -> processes.owner(holder));
        if (process.filter(g.id()::equals).isPresent() && !ports.contains(s.port())) {
          ports.add(s.port());
        }
      }
    }
    return ports;
  }
}
