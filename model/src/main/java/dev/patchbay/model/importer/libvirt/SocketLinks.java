package dev.patchbay.model.importer.libvirt;

import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.qemu.QemuValues;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Socket;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The socket interfaces of all domains: the server and the client of one port are one TCP socket
 * with both sides wired, two udp interfaces with mirrored ports one dgram socket, and every mcast
 * interface of one group and port one multicast bus. libvirt lets several clients connect to one
 * server; a QEMU socket has two ends, so a third interface on one is skipped.
 */
final class SocketLinks {
  private final LibvirtLab lab;
  private final Map<String, String> sockets = new HashMap<>();
  private final Set<String> takenSides = new HashSet<>();

  SocketLinks(LibvirtLab lab) {
    this.lab = lab;
  }

  /** type='server' (listen) or type='client' (connect) on {@code <source address port>}. */
  Optional<Endpoint> tcp(boolean listen, String address, String portText, String where) {
    int port = LibvirtValues.port(portText, where);
    String host = host(address, where);
    String id = sockets.computeIfAbsent("tcp " + port, k -> lab.add(new Socket(lab.names().id("sock" + port, "sock"),
        "sock" + port, Socket.Transport.SOCKET, host, port, null)));
    Socket s = (Socket) lab.topology().element(id).orElseThrow();
    if (!listen && host != null) {
      lab.topology().replace(new Socket(s.id(), s.name(), s.transport(), host, port, null)); // where clients connect
    }
    return side(id, listen ? Socket.LISTEN : Socket.CONNECT);
  }

  /** type='udp': {@code <source address port>} is the peer, {@code <local address port>} this end. */
  Optional<Endpoint> udp(String localAddress, String localPort, String remotePort, String where) {
    int local = LibvirtValues.port(localPort, where);
    int remote = LibvirtValues.port(remotePort, where);
    String host = host(localAddress, where);
    String key = "udp " + Math.min(local, remote) + "-" + Math.max(local, remote);
    String id = sockets.computeIfAbsent(key, k -> lab.add(new Socket(lab.names().id("dgram" + local, "sock"),
        "dgram" + local, Socket.Transport.DGRAM, host, local, remote)));
    Socket s = (Socket) lab.topology().element(id).orElseThrow();
    return side(id, s.port() == local ? Socket.SIDE_A : Socket.SIDE_B);
  }

  /** type='mcast': a bus every member joins on the element itself. */
  Endpoint mcast(String address, String portText, String where) {
    int port = LibvirtValues.port(portText, where);
    Ipv4 group = Ipv4.parse(address).filter(Ipv4::isMulticast).orElseThrow(() -> new ImportException(where
        + ": multicast address " + Printable.quoted(address) + " is not an IPv4 multicast group (224.0.0.0/4)"));
    String id = sockets.computeIfAbsent("mcast " + group + ":" + port, k -> lab.add(new Socket(
        lab.names().id("mcast" + port, "sock"), "mcast" + port, Socket.Transport.MCAST, group.toString(), port, null)));
    return Endpoint.of(id);
  }

  private static String host(String address, String where) {
    if (address == null || address.isEmpty()) {
      return null;
    }
    QemuValues.hostProblem(address).ifPresent(p -> {
      throw new ImportException(where + ": " + p);
    });
    return address;
  }

  /** The side, or empty when another interface holds it: QEMU's socket joins two ends, never three. */
  private Optional<Endpoint> side(String id, String side) {
    return takenSides.add(id + ":" + side) ? Optional.of(Endpoint.of(id, side)) : Optional.empty();
  }
}
