package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `patchbay up` of a design whose tap name a user's own tun holds: refused with the plan, before any step. */
@Tag("live")
class UpConflictLiveTest {
  @TempDir
  Path state;
  private TestNamespace ns;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void host() throws Exception {
    System.setProperty("patchbay.state", state.toString());
    ns = TestNamespace.create();
    TestNamespace.addUplinks(ns.name());
    TestNamespace.run(List.of("ip", "-n", ns.name(), "tuntap", "add", "dev", "tap1", "mode", "tap"));
  }

  @AfterEach
  void removeHost() throws Exception {
    System.clearProperty("patchbay.state");
    ns.close();
  }

  @Test
  void aNameTheUserHoldsIsAConflictReportedBeforeAnyStep() throws Exception {
    String before = TestNamespace.snapshot(ns.name());
    int code = PatchbayCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
        "up", "../samples/nat-bridge.json", "--netns", ns.name(), "--lab", "conflict");
    assertEquals(3, code, err.toString());
    assertTrue(err.toString().startsWith("patchbay up: lab conflict was not applied to network namespace " + ns.name()),
        err.toString());
    assertTrue(err.toString().contains("tap1"), err.toString());
    assertEquals(before, TestNamespace.snapshot(ns.name()), "nothing changed, the user's tap1 least of all");
  }
}
