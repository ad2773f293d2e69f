package dev.patchbay.app.cli;

import dev.patchbay.model.text.Printable;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything the command line prints goes through here, so that no value from a file can drive
 * the user's terminal: control characters (ESC, carriage return, ...), invisible and bidi
 * characters arrive as escapes such as {@code \e} ({@link Printable#lines}); line breaks pass.
 * A surrogate pair split across two writes is held until its second half arrives.
 */
final class TerminalWriter extends Writer {
  private final Writer out;
  private char pending;

  TerminalWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return;
    }
    StringBuilder sb = new StringBuilder(len + 1);
    if (pending != 0) {
      sb.append(pending);
      pending = 0;
    }
    sb.append(buf, off, len);
    char last = sb.charAt(sb.length() - 1);
    if (Character.isHighSurrogate(last)) {
      pending = last;
      sb.setLength(sb.length() - 1);
    }
    out.write(Printable.lines(sb.toString()));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (pending != 0) {
      out.write(Printable.lines(String.valueOf(pending)));
      pending = 0;
    }
    out.close();
  }
}
