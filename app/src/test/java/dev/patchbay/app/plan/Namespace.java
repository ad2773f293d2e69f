package dev.patchbay.app.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A throwaway network namespace for a live test; close() deletes it, also after a failure. */
final class Namespace implements AutoCloseable {
  private final String name;

  private Namespace(String name) {
    this.name = name;
  }

  static Namespace create() throws IOException, InterruptedException {
    byte[] b = new byte[4];
    new SecureRandom().nextBytes(b);
    Namespace ns = new Namespace("pb-plan-" + HexFormat.of().formatHex(b));
    run(List.of("ip", "netns", "add", ns.name), Map.of()).check();
    ns.ip("link", "set", "lo", "up").check();
    return ns;
  }

  String name() {
    return name;
  }

  /** {@code ip -n NS ARGS...}. */
  Result ip(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
    cmd.addAll(List.of(args));
    return run(cmd, Map.of());
  }

  /** A command run inside the namespace, {@code ip netns exec NS ARGS...}. */
  Result exec(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
    cmd.addAll(List.of(args));
    return run(cmd, env);
  }

  static Result run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    // Read stderr on its own thread so neither pipe can fill up and stall the child.
    StringBuilder err = new StringBuilder();
    Thread t = new Thread(() -> {
      try {
        err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        err.append(e);
      }
    });
    t.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + cmd);
    }
    t.join();
    return new Result(cmd, p.exitValue(), out, err.toString());
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run(List.of("ip", "netns", "del", name), Map.of());
  }

  record Result(List<String> command, int exit, String out, String err) {
    Result check() {
      if (exit != 0) {
        throw new AssertionError(String.join(" ", command) + " exited " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err);
      }
      return this;
    }
  }
}
