package dev.patchbay.model.net;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/** A MAC address in the colon form QEMU takes (52:54:00:12:34:56). */
public record Mac(long bits) {

  /** QEMU's default MAC, the same for every guest unless set. */
  public static final Mac QEMU_DEFAULT = parse("52:54:00:12:34:56").orElseThrow();

  public static Optional<Mac> parse(String text) {
    // Six pairs of hex digits between colons, read by hand: the validator reads every NIC's MAC per check.
    String t = text == null ? "" : text.trim();
    if (t.length() != 17) {
      return Optional.empty();
    }
    long bits = 0;
    for (int i = 0; i < 17; i++) {
      char c = t.charAt(i);
      if (i % 3 == 2) {
        if (c != ':') {
          return Optional.empty();
        }
        continue;
      }
      int digit = Character.digit(c, 16);
      if (digit < 0 || c > 'f') {
        return Optional.empty();
      }
      bits = (bits << 4) | digit;
    }
    return Optional.of(new Mac(bits));
  }

  /** The I/G bit: a multicast MAC cannot be a NIC's own address. */
  public boolean isMulticast() {
    return ((bits >>> 40) & 1) == 1;
  }

  /** A locally administered unicast address in QEMU's 52:54:00 range. */
  public static Mac random(Random random) {
    return new Mac(0x525400000000L | (random.nextInt(1 << 24) & 0xFFFFFFL));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int shift = 40; shift >= 0; shift -= 8) {
      if (shift != 40) {
        sb.append(':');
      }
      sb.append(String.format(Locale.ROOT, "%02x", (bits >>> shift) & 0xFF));
    }
    return sb.toString();
  }
}
