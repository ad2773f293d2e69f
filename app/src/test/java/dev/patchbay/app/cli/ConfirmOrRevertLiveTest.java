package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.apply.Sandbox;
import dev.patchbay.backends.netlink.Netns;
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
 * patchbay up of a lab whose changes can cut the host off (002-p3 bridges the uplink) starts a
 * detached watcher: unconfirmed, the lab reverts by itself; confirmed, it stays.
 */
@Tag("live")
class ConfirmOrRevertLiveTest {
  @TempDir
  Path state;
  private String lab;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void lab() {
    byte[] r = new byte[3];
    ThreadLocalRandom.current().nextBytes(r);
    lab = "c" + HexFormat.of().formatHex(r);
    System.setProperty("patchbay.state", state.toString());
  }

  @AfterEach
  void cleanUp() throws Exception {
    System.clearProperty("patchbay.state");
    for (String ns : Sandbox.namespaces(lab)) {
      Netns.delete(ns);
    }
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
  void anUnconfirmedApplyRevertsByItself() throws Exception {
    assertEquals(0, cli("up", "../samples/002-p3-bridged-lan.json", "--lab", lab, "--confirm", "2"), err.toString());
    assertTrue(out.toString().contains("patchbay confirm " + lab), out.toString());
    assertTrue(Netns.exists(Sandbox.host(lab)));
    watcher().onExit().get(60, TimeUnit.SECONDS);
    assertFalse(Sandbox.namespaces(lab).stream().anyMatch(Netns::exists), "the sandbox was not reverted");
    assertEquals(2, cli("down", lab), "the lab is gone from the journal too");
  }

  @Test
  void aConfirmedApplyStays() throws Exception {
    assertEquals(0, cli("up", "../samples/002-p3-bridged-lan.json", "--lab", lab, "--confirm", "60"), err.toString());
    ProcessHandle w = watcher();
    assertEquals(0, cli("confirm", lab), err.toString());
    w.onExit().get(30, TimeUnit.SECONDS);
    assertTrue(Netns.exists(Sandbox.host(lab)), "a confirmed lab must stay");
    assertEquals(0, cli("down", lab), err.toString());
    assertFalse(Netns.exists(Sandbox.host(lab)));
  }
}
