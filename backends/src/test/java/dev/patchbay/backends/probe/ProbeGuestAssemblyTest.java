package dev.patchbay.backends.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The initramfs assembled from an extracted kernel and busybox package (stand-in files, real layout). */
class ProbeGuestAssemblyTest {
  @TempDir Path root;
  @TempDir Path out;
  private Map<String, CpioWriterTest.Entry> initramfs;
  private List<String> order;

  private void put(String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.ISO_8859_1);
  }

  private void ko(String path, String depends) throws IOException {
    put("lib/modules/6.1.0-9-amd64/kernel/" + path, "ELF\0depends=" + depends + "\0");
  }

  @BeforeEach
  void assemble() throws IOException {
    put("boot/vmlinuz-6.1.0-9-amd64", "bzImage");
    put("bin/busybox", "busybox binary");
    ko("drivers/net/ethernet/intel/e1000/e1000.ko", "");
    ko("drivers/net/mii.ko", "");
    ko("drivers/net/ethernet/amd/pcnet32.ko", "mii");
    // no virtio, 8139, ne2k modules: those cards get no driver, the build goes on
    order = ProbeGuestBuilder.assemble(root, out);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve("initrd.gz")))) {
      initramfs = CpioWriterTest.read(in.readAllBytes()).stream()
          .collect(Collectors.toMap(CpioWriterTest.Entry::name, Function.identity()));
    }
  }

  @Test
  void modulesPresentAreLoadedInDependencyOrderAndMissingOnesSkipped() {
    assertEquals(List.of("e1000", "mii", "pcnet32"), order);
    assertEquals("e1000\nmii\npcnet32\n", text("etc/pb-modules"));
    assertTrue(initramfs.containsKey("lib/modules/pcnet32.ko"));
  }

  @Test
  void initIsTheExecutableProbeScript() {
    assertEquals(0100755, initramfs.get("init").mode());
    assertTrue(text("init").startsWith("#!/bin/busybox sh\n"));
  }

  @Test
  void busyboxAndShellAndConsoleAreInPlace() {
    assertEquals("busybox binary", text("bin/busybox"));
    assertEquals("busybox", text("bin/sh"));
    assertEquals(0020600, initramfs.get("dev/console").mode());
  }

  @Test
  void kernelIsCopiedBesideTheInitramfs() throws IOException {
    assertEquals("bzImage", Files.readString(out.resolve("vmlinuz")));
  }

  private String text(String name) {
    return new String(initramfs.get(name).data(), StandardCharsets.ISO_8859_1);
  }
}
