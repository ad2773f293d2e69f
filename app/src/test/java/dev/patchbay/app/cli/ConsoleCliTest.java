package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.lab.LabService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patchbay console}: its arguments, refused names, and how stdin reaches the guest. */
class ConsoleCliTest {
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
  void aLabAndAGuestAreBothNeeded() {
    assertEquals(2, cli("console", "lab1"));
    assertTrue(err.toString().contains("GUEST"), err.toString());
  }

  @Test
  void namesThatCouldLeaveTheLabsFolderAreRefusedBeforeAnythingIsOpened() {
    assertEquals(2, cli("console", "../etc", "GUEST1"));
    assertTrue(err.toString().contains("patchbay console: lab name"), err.toString());
    assertEquals(2, cli("console", "lab1", "../../run/qmp"));
    assertTrue(err.toString().contains("patchbay console: guest name"), err.toString());
  }

  @Test
  void anUnknownLabExitsTwoNamingIt() {
    assertEquals(2, cli("console", "nosuchlab", "GUEST1"));
    assertTrue(err.toString().contains("no lab named nosuchlab"), err.toString());
  }

  @Test
  void theHelpSaysHowToDetach() {
    assertEquals(0, cli("console", "--help"));
    assertTrue(out.toString().contains("Ctrl+]"), out.toString());
  }

  /** A session that keeps what was sent to it. */
  private static final class Typed implements LabService.ConsoleSession {
    final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    @Override
    public void send(byte[] input) {
      sent.writeBytes(input);
    }

    @Override
    public void close() {
    }
  }

  @Test
  void stdinGoesAsItIsUntilCtrlCloseBracketWhichIsNotSent() throws Exception {
    Typed session = new Typed();
    byte[] keys = "ls\r\u0003\u001b[A\u001dnot sent".getBytes(StandardCharsets.ISO_8859_1);
    ConsoleCli.pump(new ByteArrayInputStream(keys), session, new ConsoleCli.Ended());
    assertEquals("ls\r\u0003\u001b[A", session.sent.toString(StandardCharsets.ISO_8859_1));
  }

  @Test
  void theEndOfStdinDetaches() throws Exception {
    Typed session = new Typed();
    ConsoleCli.pump(new ByteArrayInputStream("uname -a\n".getBytes(StandardCharsets.US_ASCII)), session,
        new ConsoleCli.Ended());
    assertEquals("uname -a\n", session.sent.toString(StandardCharsets.US_ASCII));
  }
}
