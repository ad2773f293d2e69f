package dev.patchbay.backends.apply;

import dev.patchbay.backends.netlink.NamespaceThread;
import dev.patchbay.backends.netlink.RtNetlink;
import dev.patchbay.backends.sysctl.Sysctl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where a lab's host steps happen: a named network namespace, or the namespace Patchbay runs in (the
 * real host). Sockets, tun files, /proc/sys files and child processes all take the namespace of the
 * thread that creates them, so everything namespace-bound is done through {@link #call}.
 */
public final class Target implements AutoCloseable {
  private final String namespace;
  private final NamespaceThread thread;
  private final RtNetlink rt;

  private Target(String namespace, NamespaceThread thread, RtNetlink rt) {
    this.namespace = namespace;
    this.thread = thread;
    this.rt = rt;
  }

  /** The named namespace (/var/run/netns/NAME). */
  public static Target namespace(String name) throws IOException {
    NamespaceThread thread = NamespaceThread.enter(name);
    try {
      return new Target(name, thread, RtNetlink.openIn(thread));
    } catch (IOException | RuntimeException e) {
      thread.close();
      throw e;
    }
  }

  /** The namespace this process runs in: the real host. */
  public static Target host() throws IOException {
    return new Target(null, null, RtNetlink.open());
  }

  /** The namespace's name, or null for the host. */
  public String namespace() {
    return namespace;
  }

  public String describe() {
    return namespace == null ? "this host" : "network namespace " + namespace;
  }

  public RtNetlink rt() {
    return rt;
  }

  public <T> T call(NamespaceThread.Task<T> task) throws IOException {
    if (thread != null) {
      return thread.call(task);
    }
    try {
      return task.run();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /** A net.* sysctl's value, or null when the key does not exist (an interface that is gone). */
  public String readSysctl(String key) throws IOException {
    var path = Sysctl.path(key);
    return call(() -> Files.exists(path) ? Files.readString(path, StandardCharsets.US_ASCII).strip() : null);
  }

  public void writeSysctl(String key, String value) throws IOException {
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("sysctl " + key + ": value must be one line, got '" + value + "'");
    }
    var path = Sysctl.path(key);
    call(() -> Files.writeString(path, value + "\n", StandardCharsets.US_ASCII));
  }

  /**
   * Runs nft with an argument list (never a shell) inside this namespace: a child process is forked
   * from the namespace thread and so is born in its namespace. {@code input} goes to nft's stdin.
   */
  public String nft(List<String> arguments, String input) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(dev.patchbay.backends.os.Programs.path("nft"));
    command.addAll(arguments);
    return call(() -> run(command, input));
  }

  private static String run(List<String> command, String input) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (var stdin = p.getOutputStream()) {
      if (input != null) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + ": no answer within 30 s");
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + out.strip());
    }
    return out;
  }

  @Override
  public void close() {
    rt.close();
    if (thread != null) {
      thread.close();
    }
  }
}
