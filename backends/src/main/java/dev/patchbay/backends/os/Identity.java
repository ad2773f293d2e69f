package dev.patchbay.backends.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who this process is to the kernel: its effective user id, read once from /proc/self/status. */
public final class Identity {
  private static final int EUID = readEffectiveUid();

  private Identity() {}

  /** The effective uid (0 for root, also for root inside a user namespace this process owns). */
  public static int effectiveUid() {
    return EUID;
  }

  /** Whether this process acts with root's rights, so that every path it is handed must be trusted. */
  public static boolean privileged() {
    return EUID == 0;
  }

  private static int readEffectiveUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("Uid:")) {
          return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through: treated as privileged, the stricter of the two
    }
    return 0;
  }
}
