package dev.patchbay.model.importer;

import dev.patchbay.model.qemu.Processes;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What QEMU command lines can say about a topology, as a set of sentences: the guests (name, arch,
 * machine, memory, disk) with their NICs (name, model, MAC) in order, and where each NIC and hub
 * port is plugged: which tap by name, which hub of which guest, which socket end by transport, host
 * and port, which user net with which settings and forwards, which VDE socket. Two topologies are
 * equivalent when the sentences are equal: ids, names of non-host elements, the layout, and
 * everything only the host knows (bridges, uplinks, addresses, host settings, guest IP configs, a
 * VDE switch's mode and tap) do not count.
 */
public final class QemuEquivalence {
  private QemuEquivalence() {}

  public static boolean equivalent(Topology a, Topology b) {
    return sentences(a).equals(sentences(b));
  }

  public static SortedSet<String> sentences(Topology t) {
    Processes processes = new Processes(t);
    SortedSet<String> out = new TreeSet<>();
    for (Guest g : t.elementsOf(Guest.class).toList()) {
      List<String> nics = new ArrayList<>();
      for (Nic n : g.nics()) {
        nics.add(n.name() + " " + n.model().qemuName() + " " + n.mac());
        Endpoint end = Endpoint.of(g.id(), n.name());
        out.add("nic " + g.name() + "/" + n.name() + " -> " + t.linksAt(end).stream().findFirst()
            .map(l -> describe(t, processes, l.other(g.id()))).orElse("nothing"));
      }
      out.add("guest " + g.name() + " " + g.arch() + " " + g.machine() + " " + g.memoryMiB() + "MiB disk="
          + g.disk() + " nics=" + nics);
    }
    for (Hub h : t.elementsOf(Hub.class).toList()) {
      List<String> members = new ArrayList<>();
      for (Link l : t.linksOf(h.id())) {
        Endpoint other = l.other(h.id());
        Element e = t.element(other.element()).orElseThrow();
        members.add(e instanceof Guest g ? g.name() + "/" + other.port() : describe(t, processes, other));
      }
      members.sort(null);
      out.add(describe(t, processes, Endpoint.of(h.id())) + " holds " + members);
    }
    return out;
  }

  private static String describe(Topology t, Processes processes, Endpoint end) {
    Element e = t.element(end.element()).orElseThrow();
    if (e instanceof Tap tap) {
      return "tap " + tap.name();
    } else if (e instanceof Hub h) {
      String owner = processes.owner(h.id()).flatMap(t::element).map(Element::name).orElse("no guest");
      return "hub " + h.hubId() + " of " + owner;
    } else if (e instanceof UserNet u) {
      return "user net=" + u.net() + " host=" + u.host() + " dns=" + u.dns() + " dhcpstart=" + u.dhcpStart()
          + " hostfwd=" + u.hostfwd().stream().map(f -> f.toQemu()).toList();
    } else if (e instanceof VdeSwitch v) {
      return "vde " + v.socketPath();
    } else if (e instanceof Socket s) {
      return "socket " + s.transport().fileName() + " " + s.host() + ":" + s.port()
          + (s.peerPort() == null ? "" : "/" + s.peerPort()) + (end.port() == null ? "" : " " + end.port());
    }
    return e.kind().fileName() + " " + e.name();
  }
}
