package dev.patchbay.backends.sysctl;

import dev.patchbay.backends.netlink.NamespaceThread;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Network sysctls of one namespace, read and written through /proc/sys/net.
 *
 * <p>/proc/sys/net resolves against the network namespace of the THREAD that looks the file up
 * (the kernel picks the sysctl table from current->nsproxy at lookup), not the namespace of the
 * process that mounted /proc: after setns(2) on a {@link NamespaceThread}, that thread sees its
 * namespace's values while the JVM's other threads keep seeing their own (SysctlLiveTest checks
 * both). /proc/net is different: it follows /proc/self, the thread-group leader, so per-thread
 * readers must use /proc/thread-self/net instead.
 */
public final class Sysctl {
  private static final Path ROOT = Path.of("/proc/sys");
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final NamespaceThread thread;

  private Sysctl(NamespaceThread thread) {
    this.thread = thread;
  }

  /** Sysctls of the namespace {@code thread} lives in. */
  public static Sysctl in(NamespaceThread thread) {
    return new Sysctl(thread);
  }

  /** "1" for net.ipv4.ip_forward=1, without the trailing newline. */
  public String read(String key) throws IOException {
    Path path = path(key);
    return thread.call(() -> Files.readString(path, StandardCharsets.US_ASCII).strip());
  }

  public void write(String key, String value) throws IOException {
    if (value.chars().anyMatch(c -> c == '\n' || Character.isISOControl(c))) {
      throw new IllegalArgumentException("sysctl " + key + ": value must be one line, got '" + value + "'");
    }
    Path path = path(key);
    thread.call(() -> Files.writeString(path, value + "\n", StandardCharsets.US_ASCII));
  }

  /**
   * The file of a net.* key. Keys use dots ("net.ipv4.ip_forward") or, when an interface name
   * holds a dot, slashes as sysctl(8) accepts them ("net/ipv4/conf/eth0.10/forwarding").
   */
  public static Path path(String key) {
    String[] segments = key.contains("/") ? key.split("/", -1) : key.split("\\.", -1);
    if (segments.length < 2 || !segments[0].equals("net")) {
      throw new IllegalArgumentException("sysctl key '" + key + "' is not a net.* key");
    }
    Path path = ROOT;
    for (String s : segments) {
      if (!SEGMENT.matcher(s).matches() || s.equals(".") || s.equals("..")) {
        throw new IllegalArgumentException("sysctl key '" + key + "' has an invalid part '" + s + "'");
      }
      path = path.resolve(s);
    }
    return path;
  }
}
