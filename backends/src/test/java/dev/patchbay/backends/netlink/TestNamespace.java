package dev.patchbay.backends.netlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway network namespace `pb-nl-<random>` for one live test, made and removed with iproute2
 * (tests may use `ip`; main code never does). Also runs `ip -n NS -j ...` to cross-check what the
 * backend reports. Closing deletes the namespace and everything in it.
 */
public final class TestNamespace implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String name;

  private TestNamespace(String name) {
    this.name = name;
  }

  public static TestNamespace create() throws IOException {
    byte[] random = new byte[4];
    ThreadLocalRandom.current().nextBytes(random);
    TestNamespace ns = new TestNamespace("pb-nl-" + HexFormat.of().formatHex(random));
    run(List.of("ip", "netns", "add", ns.name));
    return ns;
  }

  public String name() {
    return name;
  }

  /** `ip -n NS -j ARGS...` parsed; "[]" when ip prints nothing. */
  public JsonNode ipJson(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("ip", "-n", name, "-j"));
    command.addAll(List.of(args));
    String out = run(command);
    return JSON.readTree(out.isBlank() ? "[]" : out);
  }

  /** `ip netns exec NS ARGS...`, for the few checks iproute2 has no JSON for. */
  public String exec(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", name));
    command.addAll(List.of(args));
    return run(command);
  }

  /** The JSON object of link {@code ifname} from `ip -j -d link show`, or null. */
  public JsonNode ipLink(String ifname) throws IOException {
    for (JsonNode link : ipJson("-d", "link", "show")) {
      if (link.path("ifname").asText().equals(ifname)) {
        return link;
      }
    }
    return null;
  }

  /** Everything the tests compare before and after: ip -d link, addresses, routes, ipv4 sysctls, nft ruleset. */
  public static String snapshot(String ns) throws IOException {
    return String.join("\n---\n",
        run(List.of("ip", "-n", ns, "-d", "link", "show")),
        run(List.of("ip", "-n", ns, "address", "show")),
        run(List.of("ip", "-n", ns, "route", "show", "table", "all")),
        run(List.of("ip", "netns", "exec", ns, "sysctl", "-a", "-r", "^net\\.ipv4\\.(ip_forward|conf\\.)")),
        run(List.of("ip", "netns", "exec", ns, "nft", "list", "ruleset")));
  }

  /** A namespace with an uplink like a host's: eth0 and wlp3s0 (veth ends) with addresses and a default route. */
  public static void addUplinks(String ns) throws IOException {
    // IPv6 off: link-local addresses finish DAD at their own pace and would make snapshots differ.
    run(List.of("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1",
        "net.ipv6.conf.default.disable_ipv6=1"));
    run(List.of("ip", "-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", "peer0"));
    run(List.of("ip", "-n", ns, "link", "add", "wlp3s0", "type", "veth", "peer", "name", "peer1"));
    for (String l : List.of("eth0", "peer0", "wlp3s0", "peer1", "lo")) {
      run(List.of("ip", "-n", ns, "link", "set", l, "up"));
    }
    run(List.of("ip", "-n", ns, "address", "add", "10.0.0.10/8", "dev", "eth0"));
    run(List.of("ip", "-n", ns, "route", "add", "default", "via", "10.0.0.1", "dev", "eth0"));
    run(List.of("ip", "-n", ns, "address", "add", "192.168.1.2/24", "dev", "wlp3s0"));
    awaitCarrier(ns);
  }

  /** A veth's carrier comes up asynchronously; a snapshot taken before would differ from one taken after. */
  private static void awaitCarrier(String ns) throws IOException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (run(List.of("ip", "-n", ns, "link", "show")).contains("NO-CARRIER")) {
      if (System.nanoTime() > deadline) {
        throw new IOException("the uplink veths of " + ns + " got no carrier within 10 s");
      }
    }
  }

  public static String run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    run(List.of("ip", "netns", "del", name));
  }
}
