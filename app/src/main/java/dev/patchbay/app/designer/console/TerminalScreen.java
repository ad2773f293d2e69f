package dev.patchbay.app.designer.console;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A serial console's text as a plain terminal shows it: UTF-8 decoded across chunk boundaries;
 * carriage return, line feed, backspace and tab move the cursor on the last line; ANSI escape
 * sequences (CSI colours and cursor moves, OSC titles, two-byte ESC codes) are dropped, except
 * "erase to end of line", which a shell's line editing uses to redraw; other control bytes are
 * dropped. Only the last {@code maxLines} lines are kept (the scrollback).
 */
public final class TerminalScreen {
  private enum Escape { NONE, ESC, CSI, OSC, OSC_ESC }

  private final int maxLines;
  private final StringBuilder done = new StringBuilder();
  private int doneLines;
  private final StringBuilder line = new StringBuilder();
  private int column;
  private Escape escape = Escape.NONE;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
  /** Bytes of a UTF-8 sequence the last chunk cut in two. */
  private ByteBuffer pending = ByteBuffer.allocate(0);

  public TerminalScreen(int maxLines) {
    this.maxLines = maxLines;
  }

  public void feed(byte[] data) {
    ByteBuffer in = ByteBuffer.allocate(pending.remaining() + data.length).put(pending).put(data).flip();
    CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
    utf8.decode(in, out, false);
    pending = in.slice();
    out.flip();
    while (out.hasRemaining()) {
      take(out.get());
    }
  }

  private void take(char c) {
    switch (escape) {
      case ESC -> escape = c == '[' ? Escape.CSI : c == ']' ? Escape.OSC : Escape.NONE;
      case CSI -> {
        if (c >= 0x40 && c <= 0x7e) {
          escape = Escape.NONE;
          if (c == 'K') {
            line.setLength(Math.min(column, line.length()));
          }
        }
      }
      case OSC -> escape = c == 7 ? Escape.NONE : c == 0x1b ? Escape.OSC_ESC : Escape.OSC;
      case OSC_ESC -> escape = Escape.NONE;
      case NONE -> print(c);
    }
  }

  private void print(char c) {
    switch (c) {
      case 0x1b -> escape = Escape.ESC;
      case '\r' -> column = 0;
      case '\n' -> newLine();
      case '\b' -> column = Math.max(0, column - 1);
      case '\t' -> {
        do {
          put(' ');
        } while (column % 8 != 0);
      }
      default -> {
        if (c >= 0x20 && c != 0x7f) {
          put(c);
        }
      }
    }
  }

  private void put(char c) {
    while (line.length() < column) {
      line.append(' ');
    }
    if (column < line.length()) {
      line.setCharAt(column, c);
    } else {
      line.append(c);
    }
    column++;
  }

  private void newLine() {
    done.append(line).append('\n');
    line.setLength(0);
    column = 0;
    if (++doneLines > maxLines) {
      // Dropped a tenth at a time: the shown text changes at its start rarely, not on every line.
      int drop = Math.max(1, maxLines / 10);
      int at = 0;
      for (int i = 0; i < drop; i++) {
        at = done.indexOf("\n", at) + 1;
      }
      done.delete(0, at);
      doneLines -= drop;
    }
  }

  /** Everything kept, the cursor's line last. */
  public String text() {
    return done + line.toString();
  }

  /** Where the cursor is in {@link #text}. */
  public int cursor() {
    return done.length() + Math.min(column, line.length());
  }
}
