package dev.patchbay.app.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-made zips for hostile-bundle tests: any entry names, and Unix types set in the central directory. */
final class ZipCraft {
  private final Map<String, byte[]> entries = new LinkedHashMap<>();
  private final Map<String, Integer> unixModes = new LinkedHashMap<>();

  ZipCraft put(String name, String text) {
    return put(name, text.getBytes(StandardCharsets.UTF_8));
  }

  ZipCraft put(String name, byte[] bytes) {
    entries.put(name, bytes);
    return this;
  }

  /** Marks an entry as made on Unix with this st_mode (0120777 is a symbolic link). */
  ZipCraft mode(String name, int mode) {
    unixModes.put(name, mode);
    return this;
  }

  Path write(Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    byte[] zip = bytes.toByteArray();
    unixModes.forEach((name, mode) -> setMode(zip, name, mode));
    return Files.write(file, zip);
  }

  /** Finds the entry's central header and writes "made by Unix" and the mode into it. */
  private static void setMode(byte[] zip, String name, int mode) {
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    for (int p = 0; p + 46 <= zip.length; p++) {
      if (b.getInt(p) == 0x02014b50 && (b.getShort(p + 28) & 0xffff) == wanted.length
          && java.util.Arrays.equals(zip, p + 46, p + 46 + wanted.length, wanted, 0, wanted.length)) {
        b.put(p + 5, (byte) 3);
        b.putInt(p + 38, mode << 16);
        return;
      }
    }
    throw new IllegalArgumentException("no entry " + name);
  }
}
