package dev.patchbay.app.designer.properties;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.InterfaceName;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.net.Mac;
import java.util.Arrays;
import java.util.Optional;

/** What is wrong with a typed value, per editor kind; the editors show it while the user types. */
public final class ValueChecks {
  private ValueChecks() {}

  public static Optional<String> problem(EditorKind kind, String text) {
    String t = text == null ? "" : text.trim();
    return switch (kind) {
      case NAME -> t.isEmpty() ? Optional.of("a name cannot be empty") : Optional.empty();
      case IFNAME -> InterfaceName.problem(t);
      case CIDR -> cidr(t);
      case CIDR_OPTIONAL -> t.isEmpty() ? Optional.empty() : cidr(t);
      case ADDRESS_OPTIONAL -> t.isEmpty() || Ipv4.parse(t).isPresent() ? Optional.empty()
          : Optional.of("'" + t + "' is not an IPv4 address such as 192.168.0.1");
      case ADDRESS_LIST -> Arrays.stream(t.split("[,\\s]+")).filter(s -> !s.isEmpty())
          .filter(s -> Ipv4.parse(s).isEmpty()).findFirst()
          .map(s -> "'" + s + "' is not an IPv4 address; separate addresses with commas");
      case MAC -> mac(t);
      case INT -> integer(t);
      case INT_OPTIONAL -> t.isEmpty() ? Optional.empty() : integer(t);
      default -> Optional.empty();
    };
  }

  private static Optional<String> cidr(String t) {
    return Cidr.parse(t).isPresent() && t.contains("/") ? Optional.empty()
        : Optional.of("'" + t + "' is not an address with prefix such as 192.168.0.1/24");
  }

  private static Optional<String> mac(String t) {
    Optional<Mac> m = Mac.parse(t);
    if (m.isEmpty()) {
      return Optional.of("'" + t + "' is not a MAC such as 52:54:00:12:34:56");
    }
    return m.get().isMulticast() ? Optional.of(t + " is a multicast MAC; a NIC needs a unicast one (even first byte)")
        : Optional.empty();
  }

  private static Optional<String> integer(String t) {
    try {
      int v = Integer.parseInt(t);
      return v < 0 ? Optional.of("must not be negative") : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.of("'" + t + "' is not a whole number");
    }
  }
}
