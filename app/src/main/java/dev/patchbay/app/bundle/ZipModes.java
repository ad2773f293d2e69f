package dev.patchbay.app.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The Unix file type each zip entry claims (a symbolic link, a device, a fifo), from the central
 * directory's external attributes, which java.util.zip does not show. Only fixed-offset fields are
 * read (APPNOTE 4.3.12, 4.3.14-16); everything else about the zip is left to java.util.zip.ZipFile.
 */
final class ZipModes {
  private static final int EOCD = 0x06054b50;
  private static final int EOCD64_LOCATOR = 0x07064b50;
  private static final int EOCD64 = 0x06064b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int UNIX = 3;
  static final int TYPE_MASK = 0170000;
  static final int REGULAR = 0100000;
  static final int DIRECTORY = 0040000;
  static final int SYMLINK = 0120000;
  /** Thousands of entries with names of a few hundred bytes; a larger directory is not a bundle. */
  private static final long MAX_CENTRAL_BYTES = 16L << 20;

  private ZipModes() {}

  /** Entry name to its Unix type bits, for entries made on Unix that state a type. */
  static Map<String, Integer> types(Path zip, int maxEntries) throws IOException {
    try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
      long size = ch.size();
      int tail = (int) Math.min(size, 22 + 65535);
      ByteBuffer end = read(ch, size - tail, tail);
      int at = -1;
      for (int i = tail - 22; i >= 0 && at < 0; i--) {
        at = end.getInt(i) == EOCD ? i : -1;
      }
      if (at < 0) {
        throw new IOException("no zip end record");
      }
      long entries = end.getShort(at + 10) & 0xffff;
      long cdSize = end.getInt(at + 12) & 0xffffffffL;
      long cdOffset = end.getInt(at + 16) & 0xffffffffL;
      if ((entries == 0xffff || cdOffset == 0xffffffffL || cdSize == 0xffffffffL) && at >= 20
          && end.getInt(at - 20) == EOCD64_LOCATOR) {
        ByteBuffer z = read(ch, end.getLong(at - 20 + 8), 56);
        if (z.getInt(0) != EOCD64) {
          throw new IOException("broken zip64 end record");
        }
        entries = z.getLong(32);
        cdSize = z.getLong(40);
        cdOffset = z.getLong(48);
      }
      if (entries > maxEntries || cdSize > MAX_CENTRAL_BYTES || cdOffset + cdSize > size) {
        throw new IOException(entries + " entries or a central directory out of bounds");
      }
      return central(read(ch, cdOffset, (int) Math.min(cdSize, Integer.MAX_VALUE - 8)), entries);
    }
  }

  private static Map<String, Integer> central(ByteBuffer cd, long entries) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    int p = 0;
    for (long n = 0; n < entries; n++) {
      if (p + 46 > cd.limit() || cd.getInt(p) != CENTRAL) {
        throw new IOException("broken central directory");
      }
      int madeBy = (cd.getShort(p + 4) >> 8) & 0xff;
      int nameLen = cd.getShort(p + 28) & 0xffff;
      int extraLen = cd.getShort(p + 30) & 0xffff;
      int commentLen = cd.getShort(p + 32) & 0xffff;
      int type = (cd.getInt(p + 38) >>> 16) & TYPE_MASK;
      if (p + 46 + nameLen > cd.limit()) {
        throw new IOException("broken central directory");
      }
      byte[] name = new byte[nameLen];
      cd.get(p + 46, name);
      if (madeBy == UNIX && type != 0) {
        out.put(new String(name, StandardCharsets.UTF_8), type);
      }
      p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  }

  private static ByteBuffer read(FileChannel ch, long from, int length) throws IOException {
    if (from < 0 || length < 0) {
      throw new IOException("zip structure out of bounds");
    }
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining() && ch.read(b, from + b.position()) > 0) {
      // reads until full or the end of the file
    }
    if (b.hasRemaining()) {
      throw new IOException("zip structure out of bounds");
    }
    return b.flip();
  }
}
