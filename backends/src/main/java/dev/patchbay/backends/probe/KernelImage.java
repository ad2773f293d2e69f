package dev.patchbay.backends.probe;

import dev.patchbay.backends.os.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;

/**
 * The kernel the probe guest boots fastest: its bzImage unpacked to the ELF inside it, which QEMU
 * starts directly through the ELF's PVH entry point. Under TCG the bzImage's own decompressor
 * (xz for Debian's kernels) costs about two of the four seconds before the kernel's first line, on
 * every boot; unpacked once here, that cost is paid at build time instead. A kernel whose payload
 * cannot be unpacked, or whose ELF has no PVH entry, stays a bzImage.
 */
final class KernelImage {
  private static final Logger LOG = Logger.getLogger(KernelImage.class.getName());
  private static final byte[] GZIP = {0x1f, (byte) 0x8b};
  private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
  private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};
  /** XEN_ELFNOTE_PHYS32_ENTRY: the 32-bit entry QEMU's PVH boot jumps to. */
  private static final int PVH_ENTRY_NOTE = 18;
  private static final int PT_NOTE = 4;

  private KernelImage() {}

  /** Unpacks the bzImage into {@code vmlinux}; false (and nothing written) when it cannot be booted that way. */
  static boolean unpack(Path bzImage, Path vmlinux) throws IOException {
    byte[] image = Files.readAllBytes(bzImage);
    byte[] payload = payload(image);
    if (payload.length == 0) {
      LOG.info(() -> bzImage + " is not a bzImage with a payload (boot protocol 2.08+): booting it as it is");
      return false;
    }
    Path tmp = vmlinux.resolveSibling(vmlinux.getFileName() + ".part");
    try {
      if (!decompress(payload, tmp) || !hasPvhEntry(tmp)) {
        LOG.info(() -> bzImage + ": payload not unpacked to an ELF with a PVH entry: booting the bzImage");
        return false;
      }
      Files.move(tmp, vmlinux);
      return true;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The compressed kernel inside a bzImage (boot protocol 2.08+), or nothing. */
  static byte[] payload(byte[] image) {
    if (image.length < 0x250 || image[0x202] != 'H' || image[0x203] != 'd' || image[0x204] != 'r'
        || image[0x205] != 'S') {
      return new byte[0];
    }
    ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
    if (Short.toUnsignedInt(b.getShort(0x206)) < 0x208) {
      return new byte[0];
    }
    int setupSectors = Byte.toUnsignedInt(image[0x1f1]) == 0 ? 4 : Byte.toUnsignedInt(image[0x1f1]);
    long start = (setupSectors + 1L) * 512 + Integer.toUnsignedLong(b.getInt(0x248));
    long length = Integer.toUnsignedLong(b.getInt(0x24c));
    if (length == 0 || start + length > image.length) {
      return new byte[0];
    }
    return Arrays.copyOfRange(image, (int) start, (int) (start + length));
  }

  /** gzip in process, xz through the xz program; other formats are left alone. */
  private static boolean decompress(byte[] payload, Path out) throws IOException {
    if (startsWith(payload, GZIP)) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(payload));
          OutputStream o = Files.newOutputStream(out)) {
        in.transferTo(o);
      }
      return true;
    }
    if (startsWith(payload, XZ)) {
      return unxz(payload, out);
    }
    return false;
  }

  /** The kernel's xz stream ends with its size (4 bytes), which --single-stream ignores. */
  private static boolean unxz(byte[] payload, Path out) throws IOException {
    Path in = out.resolveSibling(out.getFileName() + ".xz");
    Files.write(in, payload);
    try {
      Process p = new ProcessBuilder(List.of(Programs.path("xz"), "-dc", "--single-stream", in.toString()))
          .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while unpacking the kernel", e);
    } catch (IOException | Programs.MissingProgramException e) {
      LOG.info(() -> "xz could not unpack the kernel: " + e.getMessage());
      return false;
    } finally {
      Files.deleteIfExists(in);
    }
  }

  /** An x86-64 ELF with a Xen note of type PHYS32_ENTRY among its PT_NOTE segments. */
  static boolean hasPvhEntry(Path elf) throws IOException {
    try (FileChannel ch = FileChannel.open(elf, StandardOpenOption.READ)) {
      ByteBuffer head = read(ch, 0, 64);
      if (head.remaining() < 64 || !startsWith(head.array(), ELF) || head.get(4) != 2) {
        return false;
      }
      long phoff = head.getLong(0x20);
      int phentsize = Short.toUnsignedInt(head.getShort(0x36));
      int phnum = Short.toUnsignedInt(head.getShort(0x38));
      for (int i = 0; i < phnum; i++) {
        ByteBuffer ph = read(ch, phoff + (long) i * phentsize, 56);
        if (ph.remaining() == 56 && ph.getInt(0) == PT_NOTE
            && hasPvhNote(read(ch, ph.getLong(0x08), (int) Math.min(ph.getLong(0x20), 1 << 16)))) {
          return true;
        }
      }
      return false;
    }
  }

  private static boolean hasPvhNote(ByteBuffer notes) {
    int at = 0;
    while (at + 12 <= notes.limit()) {
      int nameSize = notes.getInt(at);
      int descSize = notes.getInt(at + 4);
      int type = notes.getInt(at + 8);
      if (nameSize < 0 || descSize < 0 || at + 12 + nameSize > notes.limit()) {
        return false;
      }
      byte[] name = new byte[nameSize];
      notes.get(at + 12, name);
      if (type == PVH_ENTRY_NOTE && new String(name, StandardCharsets.US_ASCII).equals("Xen\0")) {
        return true;
      }
      at += 12 + align4(nameSize) + align4(descSize);
    }
    return false;
  }

  private static int align4(int n) {
    return (n + 3) & ~3;
  }

  private static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(Math.max(0, length)).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining() && ch.read(b, at + b.position()) > 0) {
      // keep reading until full or end of file
    }
    b.flip();
    return b;
  }

  private static boolean startsWith(byte[] data, byte[] magic) {
    return data.length >= magic.length && Arrays.equals(data, 0, magic.length, magic, 0, magic.length);
  }
}
