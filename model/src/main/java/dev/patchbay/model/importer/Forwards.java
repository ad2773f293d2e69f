package dev.patchbay.model.importer;

import dev.patchbay.model.topology.HostForward;
import java.util.Locale;

/** User-net port forwards: today's {@code hostfwd=} and the old {@code -redir} (the user-net scenario). */
final class Forwards {
  private Forwards() {}

  /** {@code [tcp|udp]:[hostaddr]:hostport-[guestaddr]:guestport}. */
  static HostForward hostfwd(String text, String where) {
    String rest = text;
    HostForward.Protocol protocol = HostForward.Protocol.TCP;
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.startsWith("tcp:") || lower.startsWith("udp:")) {
      protocol = HostForward.Protocol.fromFile(lower.substring(0, 3));
      rest = rest.substring(4);
    }
    int dash = rest.indexOf('-');
    if (dash < 0) {
      throw new ImportException(where + ": hostfwd '" + text + "' is not [tcp:]hostaddr:hostport-guestaddr:guestport");
    }
    Backends.HostPort host = Backends.HostPort.parse(rest.substring(0, dash), where);
    Backends.HostPort guest = Backends.HostPort.parse(rest.substring(dash + 1), where);
    return new HostForward(protocol, host.host(), host.port(), guest.host(), guest.port());
  }

  /** {@code -redir [tcp|udp]:hostport:[guestaddr]:guestport}, e.g. tcp:5022::22. */
  static HostForward redir(String text, String where) {
    String[] parts = text.split(":", -1);
    if (parts.length == 3) {
      parts = new String[] {"tcp", parts[0], parts[1], parts[2]};
    }
    if (parts.length != 4) {
      throw new ImportException(where + ": -redir '" + text + "' is not [tcp|udp]:hostport:[guestaddr]:guestport");
    }
    HostForward.Protocol protocol;
    try {
      protocol = HostForward.Protocol.fromFile(parts[0]);
    } catch (IllegalArgumentException e) {
      throw new ImportException(where + ": -redir '" + text + "' names protocol '" + parts[0] + "'; use tcp or udp");
    }
    int hostPort = Backends.HostPort.port(parts[1], where);
    int guestPort = Backends.HostPort.port(parts[3], where);
    return new HostForward(protocol, null, hostPort, parts[2].isEmpty() ? null : parts[2], guestPort);
  }
}
