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

  /**
   * Whether this process acts with root's rights over the machine, so that every path it is handed
   * must be trusted: uid 0 in the machine's own user namespace. Root inside a user namespace a user
   * made (a rootless sandbox) has only that user's power over files, and sees root's as nobody's.
   */
  public static boolean privileged() {
    return EUID == 0 && !inUserNamespace();
  }

  /** Whether this process runs in a user namespace of its own (uid 0 there is some user outside). */
  public static boolean inUserNamespace() {
    return IN_USERNS;
  }

  private static final boolean IN_USERNS = readInUserNamespace();

  /** The machine's own user namespace maps every uid to itself: "0 0 4294967295". */
  private static boolean readInUserNamespace() {
    try {
      String map = Files.readString(Path.of("/proc/self/uid_map"), StandardCharsets.US_ASCII).trim();
      return !map.replaceAll("\\s+", " ").equals("0 0 4294967295");
    } catch (IOException | RuntimeException e) {
      return false;
    }
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
