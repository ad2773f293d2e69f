package dev.patchbay.model.qemu;

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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each guest's QEMU arguments in the old syntax the classic QEMU notes use, for QEMU before -netdev:
 * {@code -net nic,vlan=N,model=..,macaddr=..} and {@code -net tap,vlan=N,ifname=..,script=no}. A
 * hub is its vlan number; a NIC wired straight to a tap, socket, user net or VDE switch gets a vlan
 * of its own that nothing else joins.
 */
public final class LegacyCommandLine {
  private final Topology topology;
  private final Processes processes;
  private final QemuCommandLine modern;

  private final String lab;

  public LegacyCommandLine(Topology topology) {
    this(topology, null);
  }

  /** For a lab: VDE switches without a socket path of their own use the lab's runtime folder. */
  public LegacyCommandLine(Topology topology, String lab) {
    this.topology = topology;
    this.processes = new Processes(topology);
    this.modern = new QemuCommandLine(topology, lab);
    this.lab = lab;
  }

  /** One line per guest, quoted for a POSIX shell. */
  public static String render(Topology topology, String lab) {
    LegacyCommandLine q = new LegacyCommandLine(topology, lab);
    StringBuilder sb = new StringBuilder();
    topology.elementsOf(Guest.class).forEach(g -> sb.append(Shell.join(q.arguments(g))).append('\n'));
    return sb.toString();
  }

  /** The full argument list, program name first; everything but networking as in today's form. */
  public List<String> arguments(Guest g) {
    List<String> all = modern.arguments(g);
    List<String> args = new ArrayList<>(all.subList(0, all.size() - modern.networkArguments(g).size()));
    args.addAll(networkArguments(g));
    return args;
  }

  public List<String> networkArguments(Guest g) {
    if (g.nics().isEmpty()) {
      return List.of("-net", "none");
    }
    List<Hub> hubs = processes.hubsOf(g.id());
    Set<Integer> used = new HashSet<>();
    hubs.forEach(h -> used.add(h.hubId()));
    List<String> args = new ArrayList<>();
    for (int i = 0; i < g.nics().size(); i++) {
      Nic nic = g.nics().get(i);
      ArgumentValues.nicName(g, i, nic);
      Optional<Endpoint> peer = peerOf(Endpoint.of(g.id(), nic.name()));
      Optional<Element> e = peer.flatMap(p -> topology.element(p.element()));
      int vlan = e.isPresent() && e.get() instanceof Hub h ? h.hubId() : freeVlan(used);
      args.add("-net");
      args.add(nic(g, i, nic, vlan));
      if (e.isPresent() && !(e.get() instanceof Hub)) {
        args.add("-net");
        args.add(backend(e.get(), peer.get(), vlan));
      }
    }
    for (Hub h : hubs) {
      for (Link l : topology.linksOf(h.id())) {
        Endpoint other = l.other(h.id());
        Element e = topology.element(other.element()).orElseThrow();
        if (!(e instanceof Guest)) {
          args.add("-net");
          args.add(backend(e, other, h.hubId()));
        }
      }
    }
    return args;
  }

  private static int freeVlan(Set<Integer> used) {
    int n = 0;
    while (used.contains(n)) {
      n++;
    }
    used.add(n);
    return n;
  }

  private static String nic(Guest g, int index, Nic nic, int vlan) {
    StringBuilder sb = new StringBuilder("nic,vlan=").append(vlan).append(",model=").append(nic.model().qemuName());
    ArgumentValues.mac(g, index, nic).ifPresent(mac -> sb.append(",macaddr=").append(mac));
    return sb.toString();
  }

  private Optional<Endpoint> peerOf(Endpoint end) {
    return topology.linksAt(end).stream().findFirst().map(l -> l.a().equals(end) ? l.b() : l.a());
  }

  /** The {@code -net} value for a backend on vlan N, seen from the end {@code at}. */
  private String backend(Element e, Endpoint at, int vlan) {
    String v = ",vlan=" + vlan;
    if (e instanceof Tap t) {
      return "tap" + v + ",ifname=" + ArgumentValues.ifname(t) + ",script=no,downscript=no";
    } else if (e instanceof UserNet u) {
      return "user" + v + NetdevOptions.user(u);
    } else if (e instanceof VdeSwitch s) {
      return "vde" + v + ",sock=" + ArgumentValues.vdeSocket(s, lab);
    } else if (e instanceof Socket s) {
      return socket(s, at.port(), v);
    }
    throw new IllegalArgumentException(e.kind().label() + " " + e.name() + " cannot be joined to a QEMU vlan");
  }

  private static String socket(Socket s, String side, String v) {
    return switch (s.transport()) {
      case SOCKET, MCAST -> "socket" + v + NetdevOptions.socket(s, side);
      case STREAM, DGRAM -> throw new IllegalArgumentException("socket " + s.name() + " uses the "
          + s.transport().fileName() + " transport, which only -netdev knows (QEMU 7.2); export without --legacy"
          + " or make it a socket (listen/connect) link");
    };
  }
}
