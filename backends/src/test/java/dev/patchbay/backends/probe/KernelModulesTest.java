package dev.patchbay.backends.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelModulesTest {
  @TempDir Path dir;

  /** A stand-in .ko: only the .modinfo strings matter to the reader. */
  private void module(String path, String depends) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.write(p, ("\u007fELF junk\0license=GPL\0depends=" + depends + "\0retpoline=Y\0").getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void loadOrderPutsEveryDependencyFirst() throws IOException {
    module("drivers/virtio/virtio_ring.ko", "");
    module("drivers/virtio/virtio.ko", "virtio_ring");
    module("net/core/failover.ko", "");
    module("drivers/net/net_failover.ko", "failover");
    module("drivers/net/virtio_net.ko", "virtio_ring,virtio,net_failover");
    List<String> order = KernelModules.scan(dir).loadOrder(List.of("virtio_net"));
    assertEquals(List.of("virtio_ring", "virtio", "failover", "net_failover", "virtio_net"), order);
  }

  @Test
  void dashesInFileNamesAreUnderscoresInModuleNames() throws IOException {
    module("drivers/net/ethernet/8390/8390.ko", "");
    module("drivers/net/ethernet/8390/ne2k-pci.ko", "8390");
    KernelModules m = KernelModules.scan(dir);
    assertEquals(List.of("8390", "ne2k_pci"), m.loadOrder(List.of("ne2k-pci")));
    assertTrue(m.file("ne2k_pci").endsWith("ne2k-pci.ko"));
  }

  @Test
  void sharedDependencyIsLoadedOnce() throws IOException {
    module("mii.ko", "");
    module("8139cp.ko", "mii");
    module("pcnet32.ko", "mii");
    assertEquals(List.of("mii", "8139cp", "pcnet32"), KernelModules.scan(dir).loadOrder(List.of("8139cp", "pcnet32")));
  }

  @Test
  void missingDependencyIsNamed() throws IOException {
    module("virtio_net.ko", "virtio");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KernelModules.scan(dir).loadOrder(List.of("virtio_net")));
    assertTrue(e.getMessage().contains("'virtio'"), e.getMessage());
  }

  @Test
  void dependencyCycleIsReported() throws IOException {
    module("x.ko", "y");
    module("y.ko", "x");
    assertThrows(IllegalStateException.class, () -> KernelModules.scan(dir).loadOrder(List.of("x")));
  }
}
