package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `patchbay up --progress` into a namespace this test makes: one stderr line per step, in order. */
@Tag("live")
class UpProgressLiveTest {
  @TempDir
  Path state;
  private String ns;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void namespace() throws Exception {
    byte[] r = new byte[3];
    ThreadLocalRandom.current().nextBytes(r);
    ns = "pb-p" + HexFormat.of().formatHex(r);
    run("ip", "netns", "add", ns);
    System.setProperty("patchbay.state", state.toString());
  }

  @AfterEach
  void clear() throws Exception {
    System.clearProperty("patchbay.state");
    run("ip", "netns", "del", ns);
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + text);
  }

  private int cli(String... args) {
    return PatchbayCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void everyStepIsPrintedToStderrAsItStarts() throws Exception {
    Topology t = new Topology();
    t.add(new Bridge("br0", "br0", "10.9.0.1/24", false), null);
    for (int i = 0; i < 2; i++) {
      t.add(new Tap("t" + i, "tap" + i, null, null), null);
      t.connect(new Link("l" + i, Endpoint.of("t" + i), Endpoint.of("br0")));
    }
    Path file = state.resolve("two-taps.json");
    TopologyFiles.save(t, file);
    assertEquals(0, cli("up", file.toString(), "--netns", ns, "--lab", "progress", "--progress"), err.toString());
    List<String> lines = err.toString().lines().filter(l -> l.startsWith("[")).toList();
    assertEquals(9, lines.size(), err.toString()); // bridge, 2 taps, 2 ports, 3 up, 1 address
    for (int k = 0; k < 9; k++) {
      assertTrue(lines.get(k).startsWith("[" + (k + 1) + "/9] "), lines.get(k));
    }
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("] create bridge br0 (stp off)"))
        && lines.stream().anyMatch(l -> l.endsWith("] enslave tap1 to bridge br0")), "each step is named: " + lines);
    assertEquals(0, cli("down", "progress"), err.toString());
  }
}
