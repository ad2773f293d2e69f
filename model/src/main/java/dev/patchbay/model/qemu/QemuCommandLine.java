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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each guest's QEMU arguments in today's syntax: {@code -netdev}/{@code -device}, {@code hubport}
 * for QEMU's old vlans, {@code script=no,downscript=no} for taps (Patchbay makes them), and
 * {@code hostfwd} for the old {@code -redir}. Every value from the design is checked and escaped
 * on its way in ({@link ArgumentValues}); one that QEMU could read as more than its value stops the
 * rendering with a {@link RefusedValueException} naming the element and the field.
 */
public final class QemuCommandLine {
  private final Topology topology;
  private final Processes processes;
  private final String lab;

  public QemuCommandLine(Topology topology) {
    this(topology, null);
  }

  /** For a lab: VDE switches without a socket path of their own use the lab's runtime folder. */
  public QemuCommandLine(Topology topology, String lab) {
    this.topology = topology;
    this.processes = new Processes(topology);
    this.lab = lab;
  }

  /** One line per guest, quoted for a POSIX shell. */
  public static String render(Topology topology) {
    return render(topology, null);
  }

  public static String render(Topology topology, String lab) {
    QemuCommandLine q = new QemuCommandLine(topology, lab);
    StringBuilder sb = new StringBuilder();
    topology.elementsOf(Guest.class).forEach(g -> sb.append(Shell.join(q.arguments(g))).append('\n'));
    return sb.toString();
  }

  /** The full argument list for the guest, program name first. */
  /** The guest's program name (qemu-system-ARCH), its arch checked; the caller finds it by absolute path. */
  public static String program(Guest g) {
    return ArgumentValues.program(g);
  }

  /** {@code -name NAME -machine TYPE}, each value checked and escaped for QEMU's option syntax. */
  public static List<String> nameAndMachine(Guest g) {
    return List.of("-name", ArgumentValues.name(g), "-machine", ArgumentValues.machine(g));
  }

  /** {@code -drive file=IMAGE[,format=F]} for a guest with a disk image, its path checked and escaped; else none. */
  public static List<String> drive(Guest g) {
    if (g.disk() == null || g.disk().isBlank()) {
      return List.of();
    }
    return List.of("-drive", ArgumentValues.disk(g) + diskFormat(g.disk()));
  }

  public List<String> arguments(Guest g) {
    List<String> args = new ArrayList<>(List.of(ArgumentValues.program(g), "-name", ArgumentValues.name(g),
        "-machine", ArgumentValues.machine(g), "-m", ArgumentValues.memory(g)));
    if (g.disk() != null && !g.disk().isBlank()) {
      args.add("-drive");
      args.add(ArgumentValues.disk(g) + diskFormat(g.disk()));
    }
    args.addAll(networkArguments(g));
    return args;
  }

  /** Only the networking arguments ({@code -netdev}, {@code -device}, or {@code -nic none}). */
  public List<String> networkArguments(Guest g) {
    List<String> args = new ArrayList<>();
    if (g.nics().isEmpty()) {
      // Without any network option QEMU adds a default user-net NIC; a guest drawn with none has none.
      return List.of("-nic", "none");
    }
    for (int i = 0; i < g.nics().size(); i++) {
      Nic nic = g.nics().get(i);
      StringBuilder dev = new StringBuilder(nic.model().qemuName());
      String id = "net-" + ArgumentValues.nicName(g, i, nic);
      Optional<Endpoint> peer = peerOf(Endpoint.of(g.id(), nic.name()));
      if (peer.isPresent()) {
        Element e = topology.element(peer.get().element()).orElseThrow();
        if (e instanceof Hub h) {
          args.add("-netdev");
          args.add("hubport,id=" + id + ",hubid=" + h.hubId());
        } else {
          netdev(id, e, peer.get()).ifPresent(nd -> {
            args.add("-netdev");
            args.add(nd);
          });
        }
        dev.append(",netdev=").append(id);
      }
      ArgumentValues.mac(g, i, nic).ifPresent(mac -> dev.append(",mac=").append(mac));
      args.add("-device");
      args.add(dev.toString());
    }
    hubBackends(g, args);
    return args;
  }

  /** The backends (taps, sockets, user nets) joined to the hubs this guest's process holds. */
  private void hubBackends(Guest g, List<String> args) {
    for (Hub h : processes.hubsOf(g.id())) {
      for (Link l : topology.linksOf(h.id())) {
        Endpoint other = l.other(h.id());
        Element e = topology.element(other.element()).orElseThrow();
        if (e instanceof Guest) {
          continue;
        }
        String id = ArgumentValues.id(h, "net-" + h.id() + "-" + e.id() + (other.port() == null ? "" : "-" + other.port()));
        Optional<String> nd = netdev(id, e, other);
        if (nd.isPresent()) {
          args.add("-netdev");
          args.add(nd.get());
          args.add("-netdev");
          args.add("hubport,id=" + id + "-port,hubid=" + h.hubId() + ",netdev=" + id);
        }
      }
    }
  }

  private Optional<Endpoint> peerOf(Endpoint end) {
    return topology.linksAt(end).stream().findFirst().map(l -> l.a().equals(end) ? l.b() : l.a());
  }

  /** The {@code -netdev} value for a backend element seen from one NIC or hub port. */
  private Optional<String> netdev(String id, Element e, Endpoint at) {
    if (e instanceof Tap t) {
      return Optional.of("tap,id=" + id + ",ifname=" + ArgumentValues.ifname(t) + ",script=no,downscript=no");
    } else if (e instanceof UserNet u) {
      return Optional.of("user,id=" + id + NetdevOptions.user(u));
    } else if (e instanceof VdeSwitch v) {
      return Optional.of("vde,id=" + id + ",sock=" + ArgumentValues.vdeSocket(v, lab));
    } else if (e instanceof Socket s) {
      return Optional.of(socket(id, s, at.port()));
    }
    return Optional.empty();
  }

  private static String socket(String id, Socket s, String side) {
    String host = ArgumentValues.host(s, "host", s.host());
    int port = ArgumentValues.port(s, "port", s.port());
    return switch (s.transport()) {
      case SOCKET, MCAST -> "socket,id=" + id + NetdevOptions.socket(s, side);
      case STREAM -> "stream,id=" + id + ",server=" + (Socket.LISTEN.equals(side) ? "on" : "off")
          + ",addr.type=inet,addr.host=" + (host.isEmpty() ? "127.0.0.1" : host) + ",addr.port=" + port;
      case DGRAM -> {
        int peer = ArgumentValues.port(s, "peerPort", s.peerPort() == null ? 0 : s.peerPort());
        int local = Socket.SIDE_A.equals(side) ? port : peer;
        int remote = Socket.SIDE_A.equals(side) ? peer : port;
        String h = host.isEmpty() ? "127.0.0.1" : host;
        yield "dgram,id=" + id + ",local.type=inet,local.host=" + h + ",local.port=" + local
            + ",remote.type=inet,remote.host=" + h + ",remote.port=" + remote;
      }
    };
  }

  private static String diskFormat(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".qcow2")) {
      return ",format=qcow2";
    }
    if (p.endsWith(".img") || p.endsWith(".raw")) {
      return ",format=raw";
    }
    return "";
  }
}
