package dev.patchbay.backends.probe;

import dev.patchbay.model.net.Ipv4;
import java.util.Locale;

/**
 * One reachability test a probe guest runs: an ICMP echo to an address, or a TCP connect to an
 * address and port. Written on the kernel command line as {@code icmp:10.0.0.1} or
 * {@code tcp:10.0.2.2:22}.
 */
public record Probe(Kind kind, Ipv4 target, int port) {

  public enum Kind {
    ICMP, TCP;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Probe {
    if (kind == Kind.TCP && (port < 1 || port > 65535)) {
      throw new IllegalArgumentException("TCP probe to " + target + " needs a port 1-65535, not " + port);
    }
    if (kind == Kind.ICMP && port != 0) {
      throw new IllegalArgumentException("ICMP probe to " + target + " takes no port");
    }
  }

  public static Probe icmp(String address) {
    return new Probe(Kind.ICMP, address(address), 0);
  }

  public static Probe tcp(String address, int port) {
    return new Probe(Kind.TCP, address(address), port);
  }

  /** Reads {@code icmp:ADDR} or {@code tcp:ADDR:PORT}. */
  public static Probe parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length == 2 && parts[0].equals("icmp")) {
      return icmp(parts[1]);
    }
    if (parts.length == 3 && parts[0].equals("tcp")) {
      try {
        return tcp(parts[1], Integer.parseInt(parts[2]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("probe '" + text + "': port '" + parts[2] + "' is not a number");
      }
    }
    throw new IllegalArgumentException("probe '" + text + "': expected icmp:ADDRESS or tcp:ADDRESS:PORT");
  }

  private static Ipv4 address(String text) {
    return Ipv4.parse(text).orElseThrow(
        () -> new IllegalArgumentException("probe target '" + text + "' is not an IPv4 address"));
  }

  /** The target as the guest reports it: {@code 10.0.0.1} or {@code 10.0.2.2:22}. */
  public String targetText() {
    return kind == Kind.TCP ? target + ":" + port : target.toString();
  }

  @Override
  public String toString() {
    return kind.word() + ":" + targetText();
  }
}
