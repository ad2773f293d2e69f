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

/** verify, guests and link answers that need no kernel and no QEMU. */
class VerifyCliTest {
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
  void verifyOfAnUnreadableFileExitsTwoNamingIt() throws Exception {
    Path bad = state.resolve("bad.json");
    Files.writeString(bad, "{ not json");
    assertEquals(2, cli("verify", bad.toString()));
    assertTrue(err.toString().contains("bad.json"), err.toString());
  }

  @Test
  void verifyOfADesignWithErrorsExitsOneAndOffersAllowErrors() throws Exception {
    Path broken = state.resolve("broken.json");
    Files.writeString(broken, Files.readString(CliTest.samples().resolve("nat-routing.json"))
        .replace("\"ipForward\": true", "\"ipForward\": false"));
    assertEquals(1, cli("verify", broken.toString()));
    assertTrue(err.toString().contains("patchbay verify --allow-errors applies what can be applied"), err.toString());
  }

  @Test
  void guestsOfAnUnknownLabExitsTwo() {
    assertEquals(2, cli("guests", "nolab"));
    assertTrue(err.toString().contains("no lab named nolab"), err.toString());
  }

  @Test
  void linkWithAStateOtherThanUpOrDownIsRefused() {
    assertEquals(2, cli("link", "../samples/nat-routing.json", "l3", "sideways"));
    assertTrue(err.toString().contains("up or down"), err.toString());
  }

  @Test
  void linkOfALabThatIsNotUpSaysSo() {
    assertEquals(2, cli("link", "../samples/nat-routing.json", "l3", "down"));
    assertTrue(err.toString().contains("no lab named nat-routing is up"), err.toString());
  }
}
