package dev.patchbay.app.designer.console;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javafx.scene.input.KeyCode;

/**
 * What a key sends to a serial console, as a VT100 terminal sends it: Enter a carriage return
 * (the guest's tty turns it into a new line), Backspace DEL (Linux's default erase), Ctrl+letter
 * its control byte (Ctrl+C 0x03, Ctrl+D 0x04), arrows and Home/End/Delete their escape sequences,
 * printable text as UTF-8. Ctrl+Shift+C is the terminal's Copy and sends nothing.
 */
public final class ConsoleKeys {
  private ConsoleKeys() {}

  /** The bytes of a key pressed that has no character of its own (or a control one), if any. */
  public static Optional<byte[]> pressed(KeyCode code, boolean ctrl, boolean shift, boolean alt) {
    String seq = switch (code) {
      case ENTER -> "\r";
      case BACK_SPACE -> "\u007f";
      case TAB -> "\t";
      case ESCAPE -> "\u001b";
      case UP -> "\u001b[A";
      case DOWN -> "\u001b[B";
      case RIGHT -> "\u001b[C";
      case LEFT -> "\u001b[D";
      case HOME -> "\u001b[H";
      case END -> "\u001b[F";
      case DELETE -> "\u001b[3~";
      default -> null;
    };
    if (seq == null && ctrl && !shift && !alt && code.isLetterKey()) {
      seq = String.valueOf((char) (code.getName().charAt(0) - 'A' + 1));
    }
    return Optional.ofNullable(seq).map(s -> s.getBytes(StandardCharsets.US_ASCII));
  }

  /** The bytes of a typed character: printable text only (control keys come through {@link #pressed}). */
  public static Optional<byte[]> typed(String character, boolean ctrl, boolean alt) {
    if (character == null || character.isEmpty() || ctrl || alt
        || character.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return Optional.empty();
    }
    return Optional.of(character.getBytes(StandardCharsets.UTF_8));
  }

  /** Ctrl+Shift+C: copies the selection instead of typing. */
  public static boolean isCopy(KeyCode code, boolean ctrl, boolean shift) {
    return code == KeyCode.C && ctrl && shift;
  }
}
