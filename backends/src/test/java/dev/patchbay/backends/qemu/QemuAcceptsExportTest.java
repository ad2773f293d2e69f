package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.qemu.QemuCommandLine;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real QEMU parses the networking arguments Patchbay exports. Only netdevs that need no host
 * objects are started here (user net, hubs, a socket listening on loopback); taps and VDE are
 * exercised by the live tests.
 */
class QemuAcceptsExportTest {
  private static Path sample(String name) {
    String p = System.getProperty("patchbay.samples");
    return (p != null ? Path.of(p) : Path.of("..", "samples")).resolve(name);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "none", value = {"user-net-hostfwd.json,sol11,none", "user-on-hub.json,guest,none",
      "hub-nics.json,guest,hub 1 is not connected to host network", "socket-listen-connect.json,guestA,none"})
  void qemuStartsWithTheExportedNetworkArguments(String file, String guestId, String expectedWarning) throws Exception {
    Topology t = TopologyFiles.load(sample(file));
    Guest g = (Guest) t.element(guestId).orElseThrow();
    List<String> args = new ArrayList<>(List.of("qemu-system-x86_64", "-S", "-display", "none", "-nodefaults",
        "-machine", "pc", "-m", "64", "-qmp", "stdio"));
    args.addAll(new QemuCommandLine(t).networkArguments(g));
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    p.getOutputStream().write("{\"execute\":\"qmp_capabilities\"}\n{\"execute\":\"quit\"}\n"
        .getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().flush();
    boolean ended = p.waitFor(20, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(ended, "QEMU did not quit: " + out);
    assertEquals(0, p.exitValue(), String.join(" ", args) + "\n" + out);
    assertTrue(out.contains("\"host-qmp-quit\""), out);
    List<String> warnings = out.lines().filter(l -> l.contains("warning:")).map(l -> l.replaceFirst(".*warning: ", "")).toList();
    assertEquals(expectedWarning == null ? List.of() : List.of(expectedWarning), warnings, out);
  }
}
