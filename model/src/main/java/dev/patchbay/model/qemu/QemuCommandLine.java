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
 * for the seeds' vlans, {@code script=no,downscript=no} for taps (Patchbay makes them), and
 * {@code hostfwd} for the old {@code -redir}.
 */
public final class QemuCommandLine {
  private final Topology topology;
  private final Processes processes;

  public QemuCommandLine(Topology topology) {
    this.topology = topology;
    this.processes = new Processes(topology);
  }

  /** One line per guest, quoted for a POSIX shell. */
  public static String render(Topology topology) {
    QemuCommandLine q = new QemuCommandLine(topology);
    StringBuilder sb = new StringBuilder();
    topology.elementsOf(Guest.class).forEach(g -> sb.append(Shell.join(q.arguments(g))).append('\n'));
    return sb.toString();
  }

  /** The full argument list for the guest, program name first. */
  public List<String> arguments(Guest g) {
    List<String> args = new ArrayList<>(List.of(
        "qemu-system-" + g.arch(), "-name", g.name(), "-machine", g.machine(), "-m", Integer.toString(g.memoryMiB())));
    if (g.disk() != null && !g.disk().isBlank()) {
      args.add("-drive");
      args.add("file=" + escapeOption(g.disk()) + diskFormat(g.disk()));
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
    for (Nic nic : g.nics()) {
      Optional<Endpoint> peer = peerOf(Endpoint.of(g.id(), nic.name()));
      String device = nic.model().qemuName();
      StringBuilder dev = new StringBuilder(device);
      if (peer.isPresent()) {
        String id = "net-" + nic.name();
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
      if (nic.mac() != null && !nic.mac().isBlank()) {
        dev.append(",mac=").append(nic.mac().toLowerCase(Locale.ROOT));
      }
      args.add("-device");
      args.add(dev.toString());
    }
    for (Hub h : processes.hubsOf(g.id())) {
      for (Link l : topology.linksOf(h.id())) {
        Endpoint other = l.other(h.id());
        Element e = topology.element(other.element()).orElseThrow();
        if (e instanceof Guest) {
          continue;
        }
        String id = "net-" + h.id() + "-" + e.id() + (other.port() == null ? "" : "-" + other.port());
        Optional<String> nd = netdev(id, e, other);
        if (nd.isPresent()) {
          args.add("-netdev");
          args.add(nd.get());
          args.add("-netdev");
          args.add("hubport,id=" + id + "-port,hubid=" + h.hubId() + ",netdev=" + id);
        }
      }
    }
    return args;
  }

  private Optional<Endpoint> peerOf(Endpoint end) {
    return topology.linksAt(end).stream().findFirst().map(l -> l.a().equals(end) ? l.b() : l.a());
  }

  /** The {@code -netdev} value for a backend element seen from one NIC or hub port. */
  private Optional<String> netdev(String id, Element e, Endpoint at) {
    if (e instanceof Tap t) {
      return Optional.of("tap,id=" + id + ",ifname=" + t.name() + ",script=no,downscript=no");
    } else if (e instanceof UserNet u) {
      return Optional.of("user,id=" + id + NetdevOptions.user(u));
    } else if (e instanceof VdeSwitch v) {
      return Optional.of("vde,id=" + id + ",sock=" + escapeOption(v.socketPath()));
    } else if (e instanceof Socket s) {
      return Optional.of(socket(id, s, at.port()));
    }
    return Optional.empty();
  }

  private static String socket(String id, Socket s, String side) {
    String host = s.host() == null ? "" : s.host();
    return switch (s.transport()) {
      case SOCKET, MCAST -> "socket,id=" + id + NetdevOptions.socket(s, side);
      case STREAM -> "stream,id=" + id + ",server=" + (Socket.LISTEN.equals(side) ? "on" : "off")
          + ",addr.type=inet,addr.host=" + (host.isEmpty() ? "127.0.0.1" : host) + ",addr.port=" + s.port();
      case DGRAM -> {
        int local = Socket.SIDE_A.equals(side) ? s.port() : s.peerPort();
        int remote = Socket.SIDE_A.equals(side) ? s.peerPort() : s.port();
        String h = host.isEmpty() ? "127.0.0.1" : host;
        yield "dgram,id=" + id + ",local.type=inet,local.host=" + h + ",local.port=" + local
            + ",remote.type=inet,remote.host=" + h + ",remote.port=" + remote;
      }
    };
  }

  /** QEMU option values escape a comma by doubling it. */
  static String escapeOption(String value) {
    return value.replace(",", ",,");
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
