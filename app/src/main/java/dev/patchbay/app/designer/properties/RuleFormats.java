package dev.patchbay.app.designer.properties;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.HostSettings;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line text forms of rules in list editors, as network people write them: QEMU's hostfwd
 * syntax, "SOURCE -> OUT" for NAT and iproute2's "DEST via GW dev IF" for routes.
 */
public final class RuleFormats {
  private static final Pattern HOSTFWD = Pattern.compile("(tcp|udp):([0-9.]*):(\\d{1,5})-([0-9.]*):(\\d{1,5})");
  private static final Pattern NAT = Pattern.compile("(\\S+)\\s*->\\s*(\\S+)");
  private static final Pattern ROUTE = Pattern.compile("(\\S+)(?:\\s+via\\s+(\\S+))?(?:\\s+dev\\s+(\\S+))?");

  private RuleFormats() {}

  /** A parse result: the value, or why the text is not one. */
  public record Parsed<T>(T value, String problem) {
    static <T> Parsed<T> ok(T v) {
      return new Parsed<>(v, null);
    }

    static <T> Parsed<T> bad(String why) {
      return new Parsed<>(null, why);
    }

    public boolean ok() {
      return problem == null;
    }
  }

  public static Parsed<HostForward> hostForward(String text) {
    Matcher m = HOSTFWD.matcher(text.trim());
    if (!m.matches()) {
      return Parsed.bad("'" + text + "' is not a host forward such as tcp::5022-:22 (proto:hostaddr:port-guestaddr:port)");
    }
    int hostPort = Integer.parseInt(m.group(3));
    int guestPort = Integer.parseInt(m.group(5));
    if (hostPort > 65535 || guestPort > 65535) {
      return Parsed.bad("ports go up to 65535");
    }
    if (!address(m.group(2)) || !address(m.group(4))) {
      return Parsed.bad("'" + text + "' has an address that is not IPv4");
    }
    return Parsed.ok(new HostForward(HostForward.Protocol.fromFile(m.group(1)), emptyToNull(m.group(2)),
        hostPort, emptyToNull(m.group(4)), guestPort));
  }

  public static String format(HostForward f) {
    return f.toQemu();
  }

  public static Parsed<HostSettings.Nat> nat(String text) {
    Matcher m = NAT.matcher(text.trim());
    if (!m.matches() || Cidr.parse(m.group(1)).isEmpty()) {
      return Parsed.bad("'" + text + "' is not a NAT rule such as 192.168.0.0/24 -> eth0");
    }
    return Parsed.ok(new HostSettings.Nat(m.group(1), m.group(2)));
  }

  public static String format(HostSettings.Nat n) {
    return n.source() + " -> " + n.out();
  }

  public static Parsed<HostSettings.Route> route(String text) {
    Matcher m = ROUTE.matcher(text.trim());
    if (!m.matches() || Cidr.parse(m.group(1)).isEmpty()) {
      return Parsed.bad("'" + text + "' is not a route such as 192.168.1.10 dev tap1 or 10.1.0.0/16 via 10.0.0.2");
    }
    if (m.group(2) == null && m.group(3) == null) {
      return Parsed.bad("a route needs 'via GATEWAY' or 'dev INTERFACE'");
    }
    if (m.group(2) != null && Ipv4.parse(m.group(2)).isEmpty()) {
      return Parsed.bad("'" + m.group(2) + "' is not an IPv4 gateway");
    }
    return Parsed.ok(new HostSettings.Route(m.group(1), m.group(2), m.group(3)));
  }

  public static String format(HostSettings.Route r) {
    return r.destination() + (r.via() == null ? "" : " via " + r.via()) + (r.device() == null ? "" : " dev " + r.device());
  }

  private static boolean address(String s) {
    return s.isEmpty() || Ipv4.parse(s).isPresent();
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
