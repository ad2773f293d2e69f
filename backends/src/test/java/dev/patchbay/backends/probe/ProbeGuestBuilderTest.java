package dev.patchbay.backends.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Builds the real probe guest from Debian packages (cached after the first run). */
@Tag("guests")
class ProbeGuestBuilderTest {
  private static final Logger LOG = Logger.getLogger(ProbeGuestBuilderTest.class.getName());

  @Test
  void buildsKernelAndInitramfsWithEveryNicDriverInLoadOrder() throws Exception {
    long t0 = System.nanoTime();
    ProbeGuest guest = new ProbeGuestBuilder().build();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    LOG.info(() -> "probe guest " + guest.key() + " ready in " + ms + " ms");
    assertTrue(Files.size(guest.kernel()) > 1_000_000, "vmlinuz is a real kernel");
    assertTrue(guest.modules().indexOf("virtio_ring") < guest.modules().indexOf("virtio_net"));
    assertTrue(guest.modules().indexOf("mii") < guest.modules().indexOf("8139cp"));
    assertTrue(guest.modules().indexOf("8390") < guest.modules().indexOf("ne2k_pci"));
    assertEquals(guest, new ProbeGuestBuilder().build(), "a second build reuses the cache");
  }
}
