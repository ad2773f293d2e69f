package dev.patchbay.model.qemu;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How user net's addresses must lie, as QEMU 7.2 checks them when it starts (seen on this machine):
 * {@code host} and {@code dhcpstart} inside {@code net} ("Host doesn't belong to network", "DHCP
 * doesn't belong to network"), {@code dns} other than {@code host} ("DNS must be different from
 * host"), {@code dhcpstart} other than both ("DHCP must be different from host and DNS"). QEMU starts
 * with a DNS address outside the net, so that is no problem here. The one place these rules are
 * written: the validator reports them and the command lines refuse to carry them.
 */
public final class UserNetLayout {
  /** QEMU's user net when none is given. */
  static final String DEFAULT_NET = "10.0.2.0/24";

  private UserNetLayout() {}

  /**
   * One field QEMU would refuse.
   *
   * @param field the field as the file names it (host, dhcpStart)
   * @param problem what is wrong, in the user's words
   * @param suggestion an address of the net that fits (QEMU's own layout: .2, .3, .15)
   */
  public record Problem(String field, String problem, Ipv4 suggestion, boolean outside) {}

  /** Every field QEMU would refuse, in the order host, dns, dhcpStart; malformed values are skipped. */
  public static List<Problem> problems(UserNet u) {
    List<Problem> out = new ArrayList<>();
    Optional<Cidr> parsed = blank(u.net()) ? Optional.of(Cidr.of(DEFAULT_NET)) : Cidr.parse(u.net());
    if (parsed.isEmpty()) {
      return out;
    }
    Cidr net = parsed.get().network();
    Optional<Ipv4> host = address(u.host(), net, 2);
    Optional<Ipv4> dns = address(u.dns(), net, 3);
    Optional<Ipv4> dhcp = address(u.dhcpStart(), net, 15);
    if (host.isPresent() && !net.contains(host.get())) {
      out.add(new Problem("host", "host " + host.get() + " is outside net " + net + ", which QEMU refuses (\"Host"
          + " doesn't belong to network\")", net.address().plus(2), true));
    } else if (host.isPresent() && dns.isPresent() && host.get().equals(dns.get())) {
      out.add(new Problem("dns", "dns " + dns.get() + " is the host address too, which QEMU refuses (\"DNS must be"
          + " different from host\")", net.address().plus(3), false));
    }
    if (dhcp.isPresent() && !net.contains(dhcp.get())) {
      out.add(new Problem("dhcpStart", "DHCP start " + dhcp.get() + " is outside net " + net + ", which QEMU refuses"
          + " (\"DHCP doesn't belong to network\")", freeStart(net, host, dns), true));
    } else if (dhcp.isPresent() && (dhcp.equals(host) || dhcp.equals(dns))) {
      out.add(new Problem("dhcpStart", "DHCP start " + dhcp.get() + " is also the " + (dhcp.equals(host) ? "host" : "DNS")
          + " address, which QEMU refuses (\"DHCP must be different from host and DNS\")", freeStart(net, host, dns),
          false));
    }
    return out;
  }

  /** The field's address, or QEMU's default for it (net + offset) when unset; empty when malformed. */
  private static Optional<Ipv4> address(String value, Cidr net, int offset) {
    return blank(value) ? Optional.of(net.address().plus(offset)) : Ipv4.parse(value);
  }

  /** QEMU's .15 when it fits the net and is free, else the first address after .3 that is. */
  private static Ipv4 freeStart(Cidr net, Optional<Ipv4> host, Optional<Ipv4> dns) {
    for (int offset : new int[] {15, 4, 5, 6}) {
      Ipv4 a = net.address().plus(offset);
      if (net.contains(a) && !a.equals(net.broadcast()) && !host.equals(Optional.of(a)) && !dns.equals(Optional.of(a))) {
        return a;
      }
    }
    return net.address().plus(1);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
