package dev.patchbay.backends.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe guest's kernel unpacked from its bzImage (made-up images with the real header layout). */
class KernelImageTest {
  @TempDir
  Path dir;

  @Test
  void aGzipPayloadHoldingAnElfWithAPvhEntryIsUnpacked() throws IOException {
    byte[] elf = elf(18);
    Path bz = write("vmlinuz", bzImage(gzip(elf)));
    assertTrue(KernelImage.unpack(bz, dir.resolve("vmlinux")));
    assertArrayEquals(elf, Files.readAllBytes(dir.resolve("vmlinux")));
  }

  @Test
  void anXzPayloadWithTheKernelsTrailingSizeIsUnpackedThroughXz() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/xz")), "xz (xz-utils) is not installed");
    byte[] elf = elf(18);
    Process xz = new ProcessBuilder("/usr/bin/xz", "-c", "--check=crc32").start();
    try (var in = xz.getOutputStream()) {
      in.write(elf);
    }
    byte[] packed = xz.getInputStream().readAllBytes();
    assertEquals(0, xz.waitFor());
    // As arch/x86/boot/compressed appends it: the unpacked size, little-endian, after the stream.
    byte[] payload = ByteBuffer.allocate(packed.length + 4).order(ByteOrder.LITTLE_ENDIAN).put(packed)
        .putInt(elf.length).array();
    assertTrue(KernelImage.unpack(write("vmlinuz", bzImage(payload)), dir.resolve("vmlinux")));
    assertArrayEquals(elf, Files.readAllBytes(dir.resolve("vmlinux")));
  }

  @Test
  void anElfWithoutAPvhEntryStaysABzImage() throws IOException {
    Path bz = write("vmlinuz", bzImage(gzip(elf(17))));
    assertFalse(KernelImage.unpack(bz, dir.resolve("vmlinux")));
    assertFalse(Files.exists(dir.resolve("vmlinux")), "nothing half-written is left behind");
    assertFalse(Files.exists(dir.resolve("vmlinux.part")));
  }

  @Test
  void aFileThatIsNoBzImageIsLeftAlone() throws IOException {
    assertFalse(KernelImage.unpack(write("vmlinuz", "bzImage".getBytes(StandardCharsets.US_ASCII)),
        dir.resolve("vmlinux")));
  }

  @Test
  void thePayloadIsFoundThroughTheSetupHeader() {
    byte[] payload = {1, 2, 3, 4, 5};
    assertArrayEquals(payload, KernelImage.payload(bzImage(payload)));
  }

  @Test
  void anOldBootProtocolHasNoPayloadToFind() {
    byte[] image = bzImage(new byte[] {1, 2, 3});
    image[0x206] = 0x07;
    image[0x207] = 0x02;
    assertEquals(0, KernelImage.payload(image).length);
  }

  private Path write(String name, byte[] data) throws IOException {
    return Files.write(dir.resolve(name), data);
  }

  /** Setup (1 + 2 sectors), then the protected-mode code: 16 bytes of stub, then the payload. */
  static byte[] bzImage(byte[] payload) {
    int setupSectors = 2;
    int code = (setupSectors + 1) * 512;
    ByteBuffer b = ByteBuffer.allocate(code + 16 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(0x1f1, (byte) setupSectors);
    b.put(0x202, (byte) 'H').put(0x203, (byte) 'd').put(0x204, (byte) 'r').put(0x205, (byte) 'S');
    b.putShort(0x206, (short) 0x20f);
    b.putInt(0x248, 16);
    b.putInt(0x24c, payload.length);
    b.put(code + 16, payload);
    return b.array();
  }

  /** An ELF64 header, one PT_NOTE program header, and one "Xen" note of the given type. */
  static byte[] elf(int noteType) {
    byte[] name = "Xen\0".getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(64 + 56 + 12 + 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
    b.putLong(0x20, 64);
    b.putShort(0x36, (short) 56);
    b.putShort(0x38, (short) 1);
    b.putInt(64, 4);
    b.putLong(64 + 0x08, 120);
    b.putLong(64 + 0x20, 24);
    b.putInt(120, name.length).putInt(124, 8).putInt(128, noteType);
    b.put(132, name);
    b.putLong(136, 0x1000000L);
    return b.array();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
