package dev.patchbay.backends.qemu;

import dev.patchbay.backends.probe.Commands;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A network namespace a live test makes for itself (pb-g-RANDOM) and deletes afterwards, with
 * helpers that run iproute2 and busybox inside it. Nothing here touches the root namespace.
 */
final class TestNamespace implements AutoCloseable {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  final String name;

  private TestNamespace(String name) {
    this.name = name;
  }

  static TestNamespace create() {
    byte[] r = new byte[4];
    new SecureRandom().nextBytes(r);
    TestNamespace ns = new TestNamespace("pb-g-" + HexFormat.of().formatHex(r));
    Commands.run(List.of("ip", "netns", "add", ns.name), null, LIMIT).orThrow();
    ns.ip("link", "set", "lo", "up");
    return ns;
  }

  /** {@code ip -n NAME ARGS...}, failing the test when ip fails. */
  void ip(String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
    cmd.addAll(List.of(args));
    Commands.run(cmd, null, LIMIT).orThrow();
  }

  /** A tap with a host address, up, as a guest's QEMU will open it by name. */
  void tap(String tapName, String cidr) {
    ip("tuntap", "add", "dev", tapName, "mode", "tap");
    ip("addr", "add", cidr, "dev", tapName);
    ip("link", "set", tapName, "up");
  }

  /** Runs a program inside the namespace; the result whatever its exit code. */
  Commands.Result run(Duration timeout, String... args) {
    List<String> cmd = new ArrayList<>(GuestLaunch.namespacePrefix(name));
    cmd.addAll(List.of(args));
    return Commands.run(cmd, null, timeout);
  }

  /** Runs a program inside the namespace with bytes on its standard input. */
  Commands.Result runWithInput(byte[] input, Duration timeout, String... args) {
    List<String> cmd = new ArrayList<>(GuestLaunch.namespacePrefix(name));
    cmd.addAll(List.of(args));
    return Commands.run(cmd, null, timeout, input);
  }

  /** busybox ping: the host has no ping of its own. */
  boolean ping(String address, int count) {
    return run(Duration.ofSeconds(count + 5L), "busybox", "ping", "-c", Integer.toString(count), "-W", "1", address).ok();
  }

  @Override
  public void close() {
    Commands.run(List.of("ip", "netns", "del", name), null, LIMIT).orThrow();
  }
}
