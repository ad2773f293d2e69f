package dev.patchbay.model.net;

import java.util.Optional;

/**
 * An address with a prefix length, as on an interface ("192.168.0.1/24": {@link #address()} is
 * the host's address) or as a subnet ("192.168.0.0/24"). A bare address parses as /32.
 */
public record Cidr(Ipv4 address, int prefix) {

  public Cidr {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("prefix length " + prefix + " is not within 0..32");
    }
  }

  public static Optional<Cidr> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    int slash = t.indexOf('/');
    if (slash < 0) {
      return Ipv4.parse(t).map(a -> new Cidr(a, 32));
    }
    String len = t.substring(slash + 1);
    if (len.isEmpty() || len.length() > 2 || !len.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      return Optional.empty();
    }
    int p = Integer.parseInt(len);
    if (p > 32) {
      return Optional.empty();
    }
    return Ipv4.parse(t.substring(0, slash)).map(a -> new Cidr(a, p));
  }

  public static Cidr of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 CIDR: '" + text + "'"));
  }

  public int mask() {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  /** The subnet this address is in: 192.168.0.1/24 -> 192.168.0.0/24. */
  public Cidr network() {
    return new Cidr(new Ipv4(address.bits() & mask()), prefix);
  }

  public Ipv4 broadcast() {
    return new Ipv4(address.bits() | ~mask());
  }

  public boolean contains(Ipv4 a) {
    return (a.bits() & mask()) == (address.bits() & mask());
  }

  /** True if every address of {@code other} is in this subnet. */
  public boolean contains(Cidr other) {
    return other.prefix >= prefix && contains(other.address);
  }

  public boolean overlaps(Cidr other) {
    return contains(other.network().address()) || other.contains(network().address());
  }

  /** True when the address is the subnet's network or broadcast address (and the prefix leaves room). */
  public boolean isNetworkOrBroadcast() {
    return prefix <= 30 && (address.equals(network().address()) || address.equals(broadcast()));
  }

  @Override
  public String toString() {
    return address + "/" + prefix;
  }
}
