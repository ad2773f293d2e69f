package dev.patchbay.model.qemu;

import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.UserNet;
import java.util.List;
import java.util.Optional;

/**
 * The options of a user-net or socket backend, the same in today's {@code -netdev} and the old
 * {@code -net} form; only what comes before them ({@code user,id=X} or {@code user,vlan=N}) differs.
 * Addresses are written from their parsed form, so a value can never add an option.
 */
final class NetdevOptions {
  private NetdevOptions() {}

  /** {@code ,net=..,host=..,dns=..,dhcpstart=..,hostfwd=..} for the values that are set. */
  static String user(UserNet u) {
    StringBuilder sb = new StringBuilder();
    append(sb, "net", ArgumentValues.cidr(u, "net", u.net()));
    append(sb, "host", ArgumentValues.ipv4(u, "host", u.host()));
    append(sb, "dns", ArgumentValues.ipv4(u, "dns", u.dns()));
    append(sb, "dhcpstart", ArgumentValues.ipv4(u, "dhcpStart", u.dhcpStart()));
    UserNetLayout.problems(u).stream().findFirst().ifPresent(p -> {
      throw new RefusedValueException(u, p.field(), p.problem());
    });
    List<HostForward> forwards = u.hostfwd();
    for (int i = 0; i < forwards.size(); i++) {
      sb.append(",hostfwd=").append(hostfwd(u, "hostfwd[" + i + "]", forwards.get(i)));
    }
    return sb.toString();
  }

  /** QEMU's hostfwd value, {@code tcp:[hostaddr]:hostport-[guestaddr]:guestport}, from checked parts. */
  private static String hostfwd(UserNet u, String field, HostForward f) {
    String hostAddress = ArgumentValues.ipv4(u, field + ".hostAddress", f.hostAddress()).orElse("");
    String guestAddress = ArgumentValues.ipv4(u, field + ".guestAddress", f.guestAddress()).orElse("");
    return f.protocol().fileName() + ":" + hostAddress + ":" + ArgumentValues.port(u, field + ".hostPort", f.hostPort())
        + "-" + guestAddress + ":" + ArgumentValues.port(u, field + ".guestPort", f.guestPort());
  }

  /** {@code ,listen=..}, {@code ,connect=..} or {@code ,mcast=..} for the classic socket backend. */
  static String socket(Socket s, String side) {
    String host = ArgumentValues.host(s, "host", s.host());
    int port = ArgumentValues.port(s, "port", s.port());
    if (s.transport() == Socket.Transport.MCAST) {
      return ",mcast=" + host + ":" + port;
    }
    return Socket.LISTEN.equals(side)
        ? ",listen=" + host + ":" + port
        : ",connect=" + (host.isEmpty() ? "127.0.0.1" : host) + ":" + port;
  }

  private static void append(StringBuilder sb, String key, Optional<String> value) {
    value.ifPresent(v -> sb.append(',').append(key).append('=').append(v));
  }
}
