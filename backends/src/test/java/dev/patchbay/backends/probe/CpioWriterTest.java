package dev.patchbay.backends.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CpioWriterTest {

  /** One entry as a newc reader sees it. */
  record Entry(String name, int mode, int rdevMajor, int rdevMinor, byte[] data) {}

  static byte[] archive() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CpioWriter cpio = new CpioWriter(out)) {
      cpio.directory("bin", 0755);
      cpio.file("/bin/busybox", 0755, "ELF...".getBytes(StandardCharsets.US_ASCII));
      cpio.symlink("bin/sh", "busybox");
      cpio.charDevice("dev/console", 0600, 5, 1);
      cpio.file("init", 0755, "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  /** An independent newc reader: headers are 110 ASCII bytes, name and data padded to 4. */
  static List<Entry> read(byte[] a) {
    List<Entry> entries = new ArrayList<>();
    int at = 0;
    while (true) {
      String h = new String(a, at, 110, StandardCharsets.US_ASCII);
      assertEquals("070701", h.substring(0, 6), "magic at offset " + at);
      int mode = field(h, 1);
      int size = field(h, 6);
      int nameSize = field(h, 11);
      String name = new String(a, at + 110, nameSize - 1, StandardCharsets.US_ASCII);
      int data = align(at + 110 + nameSize);
      if (name.equals("TRAILER!!!")) {
        assertEquals(0, (data) % 4);
        return entries;
      }
      byte[] content = java.util.Arrays.copyOfRange(a, data, data + size);
      entries.add(new Entry(name, mode, field(h, 9), field(h, 10), content));
      at = align(data + size);
    }
  }

  private static int field(String header, int index) {
    return Integer.parseInt(header.substring(6 + 8 * index, 14 + 8 * index), 16);
  }

  private static int align(int n) {
    return (n + 3) & ~3;
  }

  @Test
  void entriesReadBackWithNamesModesAndContents() throws IOException {
    List<Entry> e = read(archive());
    assertEquals(List.of("bin", "bin/busybox", "bin/sh", "dev/console", "init"), e.stream().map(Entry::name).toList());
    assertEquals(0040755, e.get(0).mode());
    assertEquals(0100755, e.get(1).mode());
    assertArrayEquals("ELF...".getBytes(StandardCharsets.US_ASCII), e.get(1).data());
    assertEquals(0120777, e.get(2).mode());
    assertEquals("busybox", new String(e.get(2).data(), StandardCharsets.US_ASCII));
  }

  @Test
  void consoleIsCharacterDeviceFiveOne() throws IOException {
    Entry console = read(archive()).get(3);
    assertEquals(0020600, console.mode());
    assertEquals(5, console.rdevMajor());
    assertEquals(1, console.rdevMinor());
  }

  @Test
  void busyboxCpioListsTheSameNames(@TempDir Path dir) throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "busybox is not installed");
    Path file = dir.resolve("a.cpio");
    Files.write(file, archive());
    Commands.Result r = Commands.run(List.of("busybox", "cpio", "-t"), null, Duration.ofSeconds(10),
        Files.readAllBytes(file)).orThrow();
    assertEquals(List.of("bin", "bin/busybox", "bin/sh", "dev/console", "init"), r.stdout().lines().toList());
  }

  @Test
  void sameNameTwiceIsRefused() throws IOException {
    CpioWriter cpio = new CpioWriter(new ByteArrayOutputStream());
    cpio.file("init", 0755, new byte[1]);
    assertThrows(IllegalArgumentException.class, () -> cpio.file("/init", 0755, new byte[1]));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "../etc/passwd", "bin//sh", "TRAILER!!!"})
  void namesOutsideTheArchiveRootAreRefused(String name) {
    CpioWriter cpio = new CpioWriter(new ByteArrayOutputStream());
    assertThrows(IllegalArgumentException.class, () -> cpio.file(name, 0644, new byte[0]));
  }
}
