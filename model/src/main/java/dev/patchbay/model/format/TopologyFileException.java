package dev.patchbay.model.format;

import dev.patchbay.model.text.Printable;

/**
 * A topology file that cannot be read: says where (file, line and column, or the path of the
 * offending field) and what was expected. Its message is meant for the user as it is.
 */
public final class TopologyFileException extends Exception {
  private final String source;
  private final int line;
  private final int column;
  private final String detail;

  /** The source and the detail may hold text from the file: both are kept on one printable line. */
  public TopologyFileException(String source, int line, int column, String detail) {
    super(format(source, line, column, Printable.line(detail)));
    this.source = source;
    this.line = line;
    this.column = column;
    this.detail = Printable.line(detail);
  }

  private static String format(String source, int line, int column, String detail) {
    StringBuilder sb = new StringBuilder(Printable.line(source));
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(detail).toString();
  }

  public String source() {
    return source;
  }

  /** 1-based line, or 0 when the problem has no single place in the text. */
  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without the location prefix. */
  public String detail() {
    return detail;
  }
}
