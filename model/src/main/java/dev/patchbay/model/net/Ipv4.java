package dev.patchbay.model.net;

import java.util.Optional;

/** An IPv4 address as a 32-bit value. Parsing is strict: four decimal octets, no leading zeros. */
public record Ipv4(int bits) implements Comparable<Ipv4> {

  public static Optional<Ipv4> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    // By hand, not split(regex): reachability parses addresses per guest pair, and the regex dominated.
    String s = text.trim();
    int bits = 0;
    int parts = 0;
    int start = 0;
    while (start <= s.length()) {
      int end = s.indexOf('.', start);
      end = end < 0 ? s.length() : end;
      if (++parts > 4) {
        return Optional.empty();
      }
      int v = octet(s, start, end);
      if (v < 0) {
        return Optional.empty();
      }
      bits = (bits << 8) | v;
      start = end + 1;
    }
    return parts == 4 ? Optional.of(new Ipv4(bits)) : Optional.empty();
  }

  /** One decimal octet 0-255 without leading zeros, or -1. */
  private static int octet(String s, int start, int end) {
    int length = end - start;
    if (length == 0 || length > 3 || (length > 1 && s.charAt(start) == '0')) {
      return -1;
    }
    int v = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1; // ASCII only: ip and QEMU read no other digits
      }
      v = v * 10 + (c - '0');
    }
    return v > 255 ? -1 : v;
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

  /**
   * Mixed, not the raw bits: designs give each segment a subnet, so addresses differ in their
   * middle bits, which a HashMap's small table drops, and maps keyed by address degenerated to trees.
   */
  @Override
  public int hashCode() {
    return bits * 0x9E3779B9;
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
