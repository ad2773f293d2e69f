package dev.patchbay.model.net;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/** A MAC address in the colon form QEMU takes (52:54:00:12:34:56). */
public record Mac(long bits) {
  private static final Pattern FORM = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");

  /** QEMU's default MAC, the same for every guest unless set (seeds 002 and 004). */
  public static final Mac QEMU_DEFAULT = parse("52:54:00:12:34:56").orElseThrow();

  public static Optional<Mac> parse(String text) {
    if (text == null || !FORM.matcher(text.trim()).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Mac(Long.parseLong(text.trim().replace(":", ""), 16)));
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
