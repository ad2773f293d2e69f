package dev.patchbay.model.reach;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import java.util.List;

/** Address ranges that matter to routing decisions. */
public final class Addresses {
  /** RFC 1918, carrier-grade NAT, link-local and loopback: never routed on the Internet. */
  private static final List<Cidr> PRIVATE = List.of(Cidr.of("10.0.0.0/8"), Cidr.of("172.16.0.0/12"),
      Cidr.of("192.168.0.0/16"), Cidr.of("100.64.0.0/10"), Cidr.of("169.254.0.0/16"), Cidr.of("127.0.0.0/8"));

  /** 224.0.0.0/4, where QEMU's multicast socket groups must be. */
  public static final Cidr MULTICAST = Cidr.of("224.0.0.0/4");

  private Addresses() {}

  public static boolean isPrivate(Ipv4 a) {
    return PRIVATE.stream().anyMatch(c -> c.contains(a));
  }
}
