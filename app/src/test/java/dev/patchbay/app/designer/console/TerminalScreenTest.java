package dev.patchbay.app.designer.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** What the terminal shows of a console's bytes, and what keys send. */
class TerminalScreenTest {
  private static String shown(String... chunks) {
    TerminalScreen s = new TerminalScreen(100);
    for (String c : chunks) {
      s.feed(c.getBytes(StandardCharsets.UTF_8));
    }
    return s.text();
  }

  @Test
  void colourAndCursorSequencesAreDroppedAndTheTextKept() {
    assertEquals("root@guest:~# ls\nbin", shown("\u001b[1;32mroot@guest\u001b[0m:~# ls\r\n\u001b]0;title\u0007bin"));
  }

  @Test
  void aShellsBackspaceEchoErasesTheCharacter() {
    assertEquals("# ls", shown("# lx", "\b \b", "s"));
  }

  @Test
  void carriageReturnAndEraseToEndOfLineRedrawTheLine() {
    assertEquals("# echo", shown("# ech long", "\r\u001b[K# echo"));
  }

  @Test
  void aUtf8CharacterCutBetweenTwoChunksIsWholeOnScreen() {
    byte[] e = "caf\u00e9".getBytes(StandardCharsets.UTF_8);
    TerminalScreen s = new TerminalScreen(10);
    s.feed(Arrays.copyOf(e, e.length - 1));
    s.feed(new byte[] {e[e.length - 1]});
    assertEquals("caf\u00e9", s.text());
  }

  @Test
  void theScrollbackKeepsTheLastLines() {
    TerminalScreen s = new TerminalScreen(10);
    for (int i = 0; i < 100; i++) {
      s.feed(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
    }
    assertTrue(s.text().split("\n").length <= 10, s.text());
    assertTrue(s.text().endsWith("line 99\n"), s.text());
  }

  @Test
  void keysSendWhatAVt100Sends() {
    assertArrayEquals(new byte[] {'\r'}, ConsoleKeys.pressed(KeyCode.ENTER, false, false, false).orElseThrow());
    assertArrayEquals(new byte[] {0x7f}, ConsoleKeys.pressed(KeyCode.BACK_SPACE, false, false, false).orElseThrow());
    assertArrayEquals(new byte[] {3}, ConsoleKeys.pressed(KeyCode.C, true, false, false).orElseThrow());
    assertArrayEquals(new byte[] {4}, ConsoleKeys.pressed(KeyCode.D, true, false, false).orElseThrow());
    assertArrayEquals("\u001b[A".getBytes(StandardCharsets.US_ASCII),
        ConsoleKeys.pressed(KeyCode.UP, false, false, false).orElseThrow());
    assertTrue(ConsoleKeys.pressed(KeyCode.C, true, true, false).isEmpty(), "Ctrl+Shift+C copies");
    assertTrue(ConsoleKeys.pressed(KeyCode.A, false, false, false).isEmpty(), "letters come as typed characters");
    assertArrayEquals("\u00e9".getBytes(StandardCharsets.UTF_8), ConsoleKeys.typed("\u00e9", false, false).orElseThrow());
    assertTrue(ConsoleKeys.typed("\r", false, false).isEmpty(), "Enter is sent once, as pressed");
    assertTrue(ConsoleKeys.typed("c", true, false).isEmpty(), "Ctrl+C is sent once, as pressed");
  }
}
