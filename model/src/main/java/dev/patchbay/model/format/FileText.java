package dev.patchbay.model.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A topology file's text: read only up to {@link FileLimits#MAX_BYTES} (a FIFO or /dev/zero would
 * otherwise be read forever), decoded as UTF-8 with the line and column of the first byte that is
 * not, and every failure said in words rather than as a Java exception.
 */
public final class FileText {
  private FileText() {}

  static String read(Path file) throws TopologyFileException {
    return decode(bytes(file), file.toString());
  }

  /**
   * A file's bytes under the same limits and with the same words on failure as a topology file's:
   * what {@code patchbay import} and the designer hand an importer.
   */
  public static byte[] bytes(Path file) throws TopologyFileException {
    String source = file.toString();
    if (source.isEmpty()) {
      throw new TopologyFileException("(empty path)", 0, 0, "no file was named: the path is empty");
    }
    if (Files.isDirectory(file)) {
      throw new TopologyFileException(source, 0, 0, "this is a folder; give the topology file (.json) in it");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) FileLimits.MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new TopologyFileException(source, 0, 0, "cannot read the file: there is no such file");
    } catch (AccessDeniedException e) {
      throw new TopologyFileException(source, 0, 0, "cannot read the file: permission denied");
    } catch (IOException e) {
      throw new TopologyFileException(source, 0, 0, "cannot read the file: "
          + (e.getMessage() == null ? "the system refused" : dev.patchbay.model.text.Printable.line(e.getMessage())));
    }
    if (bytes.length > FileLimits.MAX_BYTES) {
      throw new TopologyFileException(source, 0, 0, "the file is larger than " + FileLimits.number(FileLimits.MAX_BYTES)
          + " bytes, the most Patchbay reads; a lab of " + FileLimits.number(FileLimits.MAX_ELEMENTS)
          + " elements fits in far less");
    }
    return bytes;
  }

  /** UTF-8 text without a byte-order mark, or the line and column where it stops being UTF-8. */
  static String decode(byte[] bytes, String source) throws TopologyFileException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // Checked through a small window, then decoded once: a char[] of the whole file would double its memory.
    CharBuffer window = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = decoder.decode(in, window, true);
      if (r.isError()) {
        throw notUtf8(bytes, in.position(), source);
      }
      window.clear();
      if (r.isUnderflow()) {
        break;
      }
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static TopologyFileException notUtf8(byte[] bytes, int at, String source) {
    String before = new String(bytes, 0, at, StandardCharsets.UTF_8);
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = before.length() - before.lastIndexOf('\n');
    return new TopologyFileException(source, line, column, String.format(java.util.Locale.ROOT,
        "the byte 0x%02x is not UTF-8 text; save the file as UTF-8", bytes[at] & 0xff));
  }
}
