package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.apply.LabLock;
import dev.patchbay.backends.netlink.TestNamespace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Across processes, one operation at a time per lab: while this JVM holds a lab (as an `up` would),
 * `patchbay up` and `patchbay down` in another process are told the lab is busy, exit 5 and change nothing.
 */
@Tag("live")
class BusyLabLiveTest {
  @TempDir
  Path state;
  private TestNamespace ns;

  @BeforeEach
  void host() throws Exception {
    ns = TestNamespace.create();
    TestNamespace.addUplinks(ns.name());
  }

  @AfterEach
  void removeHost() throws Exception {
    ns.close();
  }

  private Process patchbay(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dpatchbay.state=" + state, "-cp", System.getProperty("java.class.path"), "dev.patchbay.app.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  @Test
  void anotherProcessIsToldTheLabIsBusy() throws Exception {
    String before = TestNamespace.snapshot(ns.name());
    // What an up in progress has made so far: its journal.
    java.nio.file.Files.createDirectories(state.resolve("busy"));
    java.nio.file.Files.writeString(state.resolve("busy").resolve("journal.jsonl"), "");
    try (LabLock held = LabLock.acquire(state, "busy", "up")) {
      for (String[] args : List.of(new String[] {"up", "../samples/nat-bridge.json", "--netns", ns.name(),
          "--lab", "busy"}, new String[] {"down", "busy"})) {
        Process p = patchbay(args);
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(5, p.exitValue(), text);
        assertTrue(text.contains("lab busy is busy: patchbay up (pid " + ProcessHandle.current().pid() + ") since "),
            text);
      }
    }
    assertEquals(before, TestNamespace.snapshot(ns.name()), "the refused commands changed nothing");
  }
}
