package dev.patchbay.backends.apply;

import dev.patchbay.backends.netlink.Netns;
import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Helpers for the apply live tests: unique lab names, samples, snapshots of a namespace through iproute2/nft. */
final class LabFixture {
  static final Path SAMPLES = Path.of("..", "samples");

  private LabFixture() {}

  static String uniqueLab() {
    byte[] random = new byte[3];
    ThreadLocalRandom.current().nextBytes(random);
    return "t" + HexFormat.of().formatHex(random);
  }

  static Topology sample(String file) throws Exception {
    return TopologyFiles.load(SAMPLES.resolve(file));
  }

  static List<String> samples() throws IOException {
    try (var files = Files.list(SAMPLES)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
  }

  /** Everything the tests compare before and after: ip -d link, addresses, routes, ipv4 sysctls, nft ruleset. */
  static String snapshot(String ns) throws IOException {
    return String.join("\n---\n",
        TestNamespace.run(List.of("ip", "-n", ns, "-d", "link", "show")),
        TestNamespace.run(List.of("ip", "-n", ns, "address", "show")),
        TestNamespace.run(List.of("ip", "-n", ns, "route", "show", "table", "all")),
        TestNamespace.run(List.of("ip", "netns", "exec", ns, "sysctl", "-a", "-r", "^net\\.ipv4\\.(ip_forward|conf\\.)")),
        TestNamespace.run(List.of("ip", "netns", "exec", ns, "nft", "list", "ruleset")));
  }

  /** A namespace with an uplink like a host's: eth0 and wlp3s0 (veth ends) with addresses and a default route. */
  static void addUplinks(String ns) throws IOException {
    // IPv6 off: link-local addresses finish DAD at their own pace and would make snapshots differ.
    TestNamespace.run(List.of("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1",
        "net.ipv6.conf.default.disable_ipv6=1"));
    TestNamespace.run(List.of("ip", "-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", "peer0"));
    TestNamespace.run(List.of("ip", "-n", ns, "link", "add", "wlp3s0", "type", "veth", "peer", "name", "peer1"));
    for (String l : List.of("eth0", "peer0", "wlp3s0", "peer1", "lo")) {
      TestNamespace.run(List.of("ip", "-n", ns, "link", "set", l, "up"));
    }
    TestNamespace.run(List.of("ip", "-n", ns, "address", "add", "10.0.0.10/8", "dev", "eth0"));
    TestNamespace.run(List.of("ip", "-n", ns, "route", "add", "default", "via", "10.0.0.1", "dev", "eth0"));
    TestNamespace.run(List.of("ip", "-n", ns, "address", "add", "192.168.1.2/24", "dev", "wlp3s0"));
    awaitCarrier(ns);
  }

  /** A veth's carrier comes up asynchronously; a snapshot taken before would differ from one taken after. */
  private static void awaitCarrier(String ns) throws IOException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (TestNamespace.run(List.of("ip", "-n", ns, "link", "show")).contains("NO-CARRIER")) {
      if (System.nanoTime() > deadline) {
        throw new IOException("the uplink veths of " + ns + " got no carrier within 10 s");
      }
    }
  }

  /** Deletes a test lab's sandbox namespaces if a failing test left them. */
  static void deleteSandbox(String lab) throws IOException {
    for (String ns : Sandbox.namespaces(lab)) {
      Netns.delete(ns);
    }
  }

  static boolean anyLeft(String lab) {
    return Sandbox.namespaces(lab).stream().anyMatch(Netns::exists);
  }
}
