package dev.patchbay.model.net;

import java.util.Optional;

/** An IPv4 address as a 32-bit value. Parsing is strict: four decimal octets, no leading zeros. */
public record Ipv4(int bits) implements Comparable<Ipv4> {

  public static Optional<Ipv4> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.trim().split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    int bits = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
          || (p.length() > 1 && p.charAt(0) == '0')) {
        return Optional.empty();
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return Optional.empty();
      }
      bits = (bits << 8) | v;
    }
    return Optional.of(new Ipv4(bits));
  }

  /** Parses text the caller has already validated. */
  public static Ipv4 of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: '" + text + "'"));
  }

  public Ipv4 plus(int n) {
    return new Ipv4(bits + n);
  }

  public boolean isMulticast() {
    return (bits >>> 28) == 0xE;
  }

  public boolean isLoopback() {
    return (bits >>> 24) == 127;
  }

  public byte[] toBytes() {
    return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
  }

  @Override
  public int compareTo(Ipv4 o) {
    return Integer.compareUnsigned(bits, o.bits);
  }

  @Override
  public String toString() {
    return (bits >>> 24) + "." + ((bits >>> 16) & 255) + "." + ((bits >>> 8) & 255) + "." + (bits & 255);
  }
}
