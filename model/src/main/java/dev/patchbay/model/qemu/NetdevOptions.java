package dev.patchbay.model.qemu;

import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.UserNet;

/**
 * The options of a user-net or socket backend, the same in today's {@code -netdev} and the old
 * {@code -net} form; only what comes before them ({@code user,id=X} or {@code user,vlan=N}) differs.
 */
final class NetdevOptions {
  private NetdevOptions() {}

  /** {@code ,net=..,host=..,dns=..,dhcpstart=..,hostfwd=..} for the values that are set. */
  static String user(UserNet u) {
    StringBuilder sb = new StringBuilder();
    append(sb, "net", u.net());
    append(sb, "host", u.host());
    append(sb, "dns", u.dns());
    append(sb, "dhcpstart", u.dhcpStart());
    for (HostForward f : u.hostfwd()) {
      sb.append(",hostfwd=").append(f.toQemu());
    }
    return sb.toString();
  }

  /** {@code ,listen=..}, {@code ,connect=..} or {@code ,mcast=..} for the classic socket backend. */
  static String socket(Socket s, String side) {
    String host = s.host() == null ? "" : s.host();
    if (s.transport() == Socket.Transport.MCAST) {
      return ",mcast=" + host + ":" + s.port();
    }
    return Socket.LISTEN.equals(side)
        ? ",listen=" + host + ":" + s.port()
        : ",connect=" + (host.isEmpty() ? "127.0.0.1" : host) + ":" + s.port();
  }

  private static void append(StringBuilder sb, String key, String value) {
    if (value != null && !value.isBlank()) {
      sb.append(',').append(key).append('=').append(value);
    }
  }
}
