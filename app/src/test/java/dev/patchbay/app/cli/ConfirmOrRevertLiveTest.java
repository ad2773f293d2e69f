package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * patchbay up of a lab whose changes can cut the host off (the bridged-LAN scenario bridges the uplink) into a
 * host-like namespace starts a detached watcher: unconfirmed, the lab reverts by itself and a late
 * confirm says it came too late; confirmed, it stays. A sandbox puts nothing of the host at risk and
 * never counts down.
 */
@Tag("live")
class ConfirmOrRevertLiveTest {
  private static final String BRIDGED = "../samples/bridged-lan.json";
  @TempDir
  Path state;
  private String lab;
  private TestNamespace ns;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void lab() throws Exception {
    byte[] r = new byte[3];
    ThreadLocalRandom.current().nextBytes(r);
    lab = "c" + HexFormat.of().formatHex(r);
    System.setProperty("patchbay.state", state.toString());
    ns = TestNamespace.create();
    TestNamespace.addUplinks(ns.name());
  }

  @AfterEach
  void cleanUp() throws Exception {
    // A test that failed half way leaves its lab up, with its guests running: take it down (a lab
    // already down answers 2, which is fine here).
    cli("down", lab);
    System.clearProperty("patchbay.state");
    ns.close();
  }

  private int cli(String... args) {
    return PatchbayCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** The watcher this JVM started (setsid execs in place, so it stays our child). */
  private ProcessHandle watcher() {
    List<ProcessHandle> found = ProcessHandle.current().children()
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains(lab)).orElse(false)).toList();
    assertEquals(1, found.size(), "one revert watcher for " + lab);
    return found.get(0);
  }

  @Test
  void anUnconfirmedApplyRevertsByItselfAndALateConfirmIsRefused() throws Exception {
    String before = TestNamespace.snapshot(ns.name());
    assertEquals(0, cli("up", BRIDGED, "--netns", ns.name(), "--lab", lab, "--confirm", "2"), err.toString());
    assertTrue(out.toString().contains("patchbay confirm " + lab), out.toString());
    watcher().onExit().get(60, TimeUnit.SECONDS);
    assertEquals(before, TestNamespace.snapshot(ns.name()), "the namespace was not reverted");
    assertEquals(2, cli("confirm", lab), "too late: the lab is gone");
    assertTrue(err.toString().contains("reverted"), err.toString());
    assertEquals(2, cli("down", lab), "the lab is gone from the journal too");
  }

  @Test
  void aConfirmedApplyStays() throws Exception {
    assertEquals(0, cli("up", BRIDGED, "--netns", ns.name(), "--lab", lab, "--confirm", "60"), err.toString());
    ProcessHandle w = watcher();
    assertEquals(0, cli("confirm", lab), err.toString());
    w.onExit().get(30, TimeUnit.SECONDS);
    assertTrue(ns.ipLink("br0") != null, "a confirmed lab must stay");
    assertEquals(0, cli("down", lab), err.toString());
    assertTrue(ns.ipLink("br0") == null);
  }

  @Test
  void aSandboxNeverCountsDown() throws Exception {
    assertEquals(0, cli("up", BRIDGED, "--lab", lab, "--confirm", "2"), err.toString());
    try {
      assertTrue(!out.toString().contains("patchbay confirm"), out.toString());
      assertEquals(0, ProcessHandle.current().children()
          .filter(p -> p.info().arguments().map(a -> List.of(a).contains(lab)).orElse(false)).count());
    } finally {
      assertEquals(0, cli("down", lab), err.toString());
    }
  }
}
