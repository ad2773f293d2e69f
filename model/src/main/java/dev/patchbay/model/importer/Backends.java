package dev.patchbay.model.importer;

import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The backends of all command lines being imported: a tap, a socket or a VDE switch named by two
 * command lines is one element, so the listen side of port 8010 and the connect side of port 8010
 * become one socket with both ends wired.
 */
final class Backends {
  private final Topology topology;
  private final Map<String, String> taps = new HashMap<>();
  private final Map<String, String> sockets = new HashMap<>();
  private final Set<String> takenSides = new HashSet<>();
  private final Map<String, String> switches = new HashMap<>();

  Backends(Topology topology) {
    this.topology = topology;
  }

  /** The endpoint a NIC or hub port joins for a backend option such as {@code tap,ifname=tap0}. */
  Endpoint backend(OptionValue v, String where) {
    String type = v.type() == null ? "" : v.type();
    return switch (type) {
      case "tap" -> tap(v);
      case "user" -> user(v, where);
      case "socket" -> socket(v, where);
      case "stream" -> stream(v, where);
      case "dgram" -> dgram(v, where);
      // No sock: the switch gets the lab's private runtime folder, never a shared well-known name.
      case "vde" -> vde(v.get("sock").orElse(""));
      default -> throw new ImportException(where + ": network backend '" + type + "' is not one Patchbay draws;"
          + " expected tap, user, socket, stream, dgram or vde");
    };
  }

  private Endpoint tap(OptionValue v) {
    String name = v.get("ifname").orElseGet(() -> topology.freshName("tap"));
    String id = taps.computeIfAbsent(name, n -> add(new Tap(freshId(n, "tap"), n, null, null)));
    return Endpoint.of(id);
  }

  Endpoint vde(String path) {
    String id = switches.computeIfAbsent(path, p -> {
      String eid = topology.freshId("vde");
      return add(new VdeSwitch(eid, eid, p.isEmpty() ? null : p, false));
    });
    return Endpoint.of(id);
  }

  private Endpoint user(OptionValue v, String where) {
    UserNet d = UserNet.defaults(null, null);
    List<HostForward> forwards = new ArrayList<>();
    for (String f : v.all("hostfwd")) {
      forwards.add(Forwards.hostfwd(f, where));
    }
    String id = topology.freshId("user");
    add(new UserNet(id, id, v.get("net").orElse(d.net()), v.get("host").orElse(d.host()),
        v.get("dns").orElse(d.dns()), v.get("dhcpstart").orElse(d.dhcpStart()), forwards));
    return Endpoint.of(id);
  }

  private Endpoint socket(OptionValue v, String where) {
    if (v.get("mcast").isPresent()) {
      HostPort hp = HostPort.parse(v.get("mcast").get(), where);
      String id = sockets.computeIfAbsent("mcast " + hp, k -> add(new Socket(freshId("mcast" + hp.port(), "sock"),
          "mcast" + hp.port(), Socket.Transport.MCAST, hp.host(), hp.port(), null)));
      return Endpoint.of(id);
    }
    boolean listen = v.get("listen").isPresent();
    String text = v.get(listen ? "listen" : "connect").orElseThrow(() -> new ImportException(where
        + ": a socket needs listen=, connect= or mcast= (fd= sockets cannot be drawn)"));
    return pointToPoint(Socket.Transport.SOCKET, HostPort.parse(text, where), listen, where);
  }

  private Endpoint stream(OptionValue v, String where) {
    boolean listen = v.get("server").map(s -> s.equals("on") || s.equals("true")).orElse(false);
    String host = v.get("addr.host").orElse("");
    int port = HostPort.port(v.get("addr.port").orElse(""), where);
    return pointToPoint(Socket.Transport.STREAM, new HostPort(host.isEmpty() ? null : host, port), listen, where);
  }

  /** Both ends of a TCP link share the port; the host is where the connecting side connects to. */
  private Endpoint pointToPoint(Socket.Transport transport, HostPort hp, boolean listen, String where) {
    String key = transport.fileName() + " " + hp.port();
    String id = sockets.computeIfAbsent(key, k -> add(new Socket(freshId("sock" + hp.port(), "sock"),
        "sock" + hp.port(), transport, hp.host(), hp.port(), null)));
    Socket s = (Socket) topology.element(id).orElseThrow();
    if (!listen && hp.host() != null) {
      topology.replace(new Socket(s.id(), s.name(), transport, hp.host(), s.port(), null));
    }
    return side(id, listen ? Socket.LISTEN : Socket.CONNECT, hp.port(), where);
  }

  private Endpoint dgram(OptionValue v, String where) {
    int local = HostPort.port(v.get("local.port").orElse(""), where);
    int remote = HostPort.port(v.get("remote.port").orElse(""), where);
    String host = v.get("local.host").orElse(null);
    String key = "dgram " + Math.min(local, remote) + "-" + Math.max(local, remote);
    String id = sockets.computeIfAbsent(key, k -> add(new Socket(freshId("dgram" + local, "sock"),
        "dgram" + local, Socket.Transport.DGRAM, host, local, remote)));
    Socket s = (Socket) topology.element(id).orElseThrow();
    return side(id, s.port() == local ? Socket.SIDE_A : Socket.SIDE_B, local, where);
  }

  private Endpoint side(String id, String side, int port, String where) {
    if (!takenSides.add(id + ":" + side)) {
      throw new ImportException(where + ": the " + side + " side of port " + port
          + " appears twice; one process listens and one connects");
    }
    return Endpoint.of(id, side);
  }

  private String add(dev.patchbay.model.topology.Element e) {
    topology.add(e, null);
    return e.id();
  }

  private String freshId(String wanted, String prefix) {
    String clean = wanted.replaceAll("[^A-Za-z0-9_.-]", "_");
    return topology.contains(clean) ? topology.freshId(prefix) : clean;
  }

  /** host:port as QEMU writes it; an empty host means any address (listen) or none given. */
  record HostPort(String host, int port) {
    static HostPort parse(String text, String where) {
      int colon = text.lastIndexOf(':');
      if (colon < 0) {
        throw new ImportException(where + ": '" + text + "' is not host:port");
      }
      String host = text.substring(0, colon);
      return new HostPort(host.isEmpty() ? null : host, port(text.substring(colon + 1), where));
    }

    static int port(String text, String where) {
      try {
        int p = Integer.parseInt(text);
        if (p < 1 || p > 65535) {
          throw new NumberFormatException();
        }
        return p;
      } catch (NumberFormatException e) {
        throw new ImportException(where + ": '" + text + "' is not a port number (1-65535)");
      }
    }

    @Override
    public String toString() {
      return (host == null ? "" : host) + ":" + port;
    }
  }
}
