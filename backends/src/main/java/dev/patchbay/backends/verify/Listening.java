package dev.patchbay.backends.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether a process verify started in a namespace (a TCP echo, the LAN's DHCP server) has bound its
 * port yet, read from the kernel's socket tables as that process sees them: /proc/PID/net/... shows
 * the tables of the process's own network namespace. A probe sent before would find nobody there.
 */
final class Listening {
  /** TCP's LISTEN state in the tables; a bound UDP socket has no state worth checking. */
  private static final String TCP_LISTEN = "0A";

  /** A socket kind and the tables it appears in. */
  enum Kind {
    TCP("tcp", "tcp6"), UDP("udp", "udp6");

    private final List<String> tables;

    Kind(String... tables) {
      this.tables = List.of(tables);
    }
  }

  /** A process verify started that serves on a port, and stops with verify. */
  record Server(String what, Process process, Kind kind, int port) {
    /** Returns once the port is bound; an IOException if the process ended first or time ran out. */
    void await(Duration timeout) throws IOException, InterruptedException {
      if (!Listening.await(process, kind, port, timeout)) {
        throw new IOException(what + " never bound " + kind.name().toLowerCase(Locale.ROOT) + " port " + port
            + (process.isAlive() ? " within " + timeout.toSeconds() + " s" : " (it exited with " + process.exitValue() + ")"));
      }
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private Listening() {}

  /** Polls until the process has the port bound (TCP: listening); false if it ended or time ran out. */
  static boolean await(Process p, Kind kind, int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (p.isAlive()) {
      if (bound(Path.of("/proc", Long.toString(p.pid()), "net"), kind, port)) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    return false;
  }

  /** Whether one of the kind's tables in {@code net} has the port bound on any address. */
  static boolean bound(Path net, Kind kind, int port) {
    String suffix = String.format(Locale.ROOT, ":%04X", port);
    for (String table : kind.tables) {
      try {
        for (String line : Files.readAllLines(net.resolve(table))) {
          String[] f = line.strip().split("\\s+");
          if (f.length > 3 && f[1].endsWith(suffix) && (kind == Kind.UDP || f[3].equals(TCP_LISTEN))) {
            return true;
          }
        }
      } catch (NoSuchFileException e) {
        // no IPv6 in this kernel: the IPv4 table decides
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }
}
