package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab commands' answers that need no kernel: unknown labs, bad names, broken files. */
class LabCliTest {
  @TempDir
  Path state;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void useTempState() {
    System.setProperty("patchbay.state", state.toString());
  }

  @AfterEach
  void clear() {
    System.clearProperty("patchbay.state");
  }

  private int cli(String... args) {
    return PatchbayCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void labsSaysWhenNothingIsUp() {
    assertEquals(0, cli("labs"));
    assertEquals("No labs are up.", out.toString().strip());
  }

  @Test
  void downOfAnUnknownLabExitsTwoNamingIt() {
    assertEquals(2, cli("down", "nosuchlab"));
    assertTrue(err.toString().contains("no lab named nosuchlab"), err.toString());
  }

  @Test
  void confirmOfAnUnknownLabExitsTwo() {
    assertEquals(2, cli("confirm", "nosuchlab"));
  }

  @Test
  void aLabNameWithShellCharactersIsRefused() {
    assertEquals(2, cli("down", "x;reboot"));
    assertTrue(err.toString().contains("lab name 'x;reboot' refused"), err.toString());
  }

  @Test
  void upOfATapNameWithShellCharactersIsRefusedWithoutTouchingAnything() throws Exception {
    Path broken = state.resolve("broken.json");
    String sample = Files.readString(Path.of("..", "samples", "tap-host-only.json"));
    Files.writeString(broken, sample.replace("\"name\": \"tap0\"", "\"name\": \"tap0;reboot\""));
    // The checks refuse the name before the backends would: check says why, up says it will not build.
    assertEquals(1, cli("check", broken.toString()));
    assertTrue(out.toString().contains("error [ifname.unsafe]") && out.toString().contains("'tap0;reboot' contains ';'"),
        out.toString());
    assertEquals(1, cli("up", broken.toString()));
    assertTrue(err.toString().contains("has errors and cannot be built"), err.toString());
    assertTrue(!dev.patchbay.backends.netlink.Netns.exists("pb-broken-host"));
    assertEquals(0, cli("labs"));
    assertTrue(out.toString().contains("No labs are up."));
  }

  @Test
  void anUnknownTargetIsAUsageError() {
    assertEquals(2, cli("up", "../samples/tap-host-only.json", "--target", "moon"));
    assertTrue(err.toString().contains("--target must be sandbox or host"), err.toString());
  }
}
