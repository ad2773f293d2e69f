package dev.patchbay.backends.verify;

import dev.patchbay.backends.probe.Probe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import dev.patchbay.backends.os.Programs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Probes run inside one of the lab's namespaces with busybox, as argument lists through
 * {@code nsenter --net=/var/run/netns/NS --}: ICMP is {@code ping}, TCP is {@code nc} sending a
 * line and counting it a success only when the line comes back (the probe guest echoes on port 7,
 * verify's listeners on {@link VerifyPlan#LISTEN_PORT}): a connect alone would also "succeed"
 * against slirp, which accepts a forwarded connection before it knows whether the guest answers.
 */
final class NamespaceProbes {
  private static final Logger LOG = Logger.getLogger(NamespaceProbes.class.getName());
  private static final String LINE = "pb-verify\n";
  private static final long PAUSE_MILLIS = 1000;

  private NamespaceProbes() {}

  static List<String> inNamespace(String ns, String... command) {
    List<String> cmd = new ArrayList<>(List.of(Programs.path("nsenter"),
        "--net=" + dev.patchbay.backends.netlink.Netns.path(ns), "--"));
    cmd.add(Programs.path(command[0]));
    cmd.addAll(List.of(command).subList(1, command.length));
    return cmd;
  }

  /**
   * Tries until the probe succeeds or {@code window} has passed, at least twice, a second apart when
   * a try fails at once (no route, refused). Verify starts these once every guest is ready and every
   * listener listens, so the window only has to cover an ARP exchange and a round trip for a path
   * that exists, on a machine as loaded as it may be.
   */
  static boolean run(String ns, Probe p, Duration window) throws InterruptedException {
    long deadline = System.nanoTime() + window.toNanos();
    for (int tries = 1; ; tries++) {
      long start = System.nanoTime();
      if (once(ns, p)) {
        return true;
      }
      if (tries >= 2 && System.nanoTime() >= deadline) {
        return false;
      }
      long spent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      if (spent < PAUSE_MILLIS) {
        Thread.sleep(PAUSE_MILLIS - spent);
      }
    }
  }

  private static boolean once(String ns, Probe p) throws InterruptedException {
    try {
      if (p.kind() == Probe.Kind.ICMP) {
        return exec(inNamespace(ns, "busybox", "ping", "-c", "1", "-W", "2", p.target().toString()), null, 5)
            .exit == 0;
      }
      Result r = exec(inNamespace(ns, "busybox", "nc", "-w", "3", p.target().toString(), Integer.toString(p.port())),
          LINE, 6);
      return r.stdout.contains(LINE.strip());
    } catch (IOException e) {
      LOG.warning(() -> "probe " + p + " in " + ns + ": " + e.getMessage());
      return false;
    }
  }

  private record Result(int exit, String stdout) {}

  private static void closeQuietly(OutputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      LOG.fine(() -> "closing nc's stdin: " + e.getMessage());
    }
  }

  /** nc may already have given up (no route): its closed stdin is an outcome, not an error. */
  private static void send(OutputStream in, String input) {
    try {
      in.write(input.getBytes(StandardCharsets.US_ASCII));
      in.flush();
    } catch (IOException e) {
      LOG.fine(() -> "nc ended before its input was written: " + e.getMessage());
    }
  }

  /**
   * Runs the command with {@code input} on stdin, left open until the echo can arrive (busybox nc
   * stops reading the socket once stdin ends), and ends it after {@code seconds}.
   */
  private static Result exec(List<String> cmd, String input, int seconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try (InputStream out = p.getInputStream()) {
      OutputStream in = p.getOutputStream();
      if (input != null) {
        send(in, input);
      } else {
        closeQuietly(in);
      }
      StringBuilder sb = new StringBuilder();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline && p.isAlive() && !(input != null && sb.toString().contains(input.strip()))) {
        while (out.available() > 0) {
          sb.append((char) out.read());
        }
        p.waitFor(50, TimeUnit.MILLISECONDS);
      }
      while (out.available() > 0) {
        sb.append((char) out.read());
      }
      closeQuietly(in);
      p.destroy();
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor();
      }
      return new Result(p.exitValue(), sb.toString());
    }
  }
}
