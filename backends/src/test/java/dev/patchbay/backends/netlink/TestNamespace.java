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
