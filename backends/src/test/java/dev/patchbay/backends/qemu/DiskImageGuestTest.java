package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.probe.ProbeGuest;
import dev.patchbay.backends.probe.ProbeSettings;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest with a disk image boots that image, not Patchbay's probe guest: the image here is a
 * bootable FAT disk (syslinux) holding the probe guest's kernel and initramfs with its settings in
 * syslinux.cfg, so QEMU gets only {@code -drive file=...} and BIOS, boot loader and kernel run as for
 * any image a user brings. The guest is on a tap in a namespace of the test's own, like the routed-tun scenario.
 */
@Tag("guests")
class DiskImageGuestTest {
  private static final String GUEST_IP = "192.168.78.10";
  @TempDir
  Path dir;
  private TestNamespace ns;
  private LiveGuests guests;

  @BeforeEach
  void setUp() {
    ns = TestNamespace.create();
    guests = new LiveGuests();
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      guests.close();
    } finally {
      ns.close();
    }
  }

  /** A raw disk, FAT from sector 0 (a "superfloppy" SeaBIOS boots), with syslinux in its boot sector. */
  private Path bootableImage(ProbeGuest probe, String kernelCommandLine) throws Exception {
    Path image = dir.resolve("guest.img");
    run("mkfs.vfat", "-C", "-n", "PBDISK", image.toString(), "65536");
    run("syslinux", "--install", image.toString());
    Path cfg = dir.resolve("syslinux.cfg");
    Files.writeString(cfg, "SERIAL 0 115200\nDEFAULT pb\nPROMPT 0\nTIMEOUT 0\nLABEL pb\n  KERNEL vmlinuz\n  INITRD initrd.gz\n  APPEND "
        + kernelCommandLine + "\n", StandardCharsets.US_ASCII);
    run("mcopy", "-i", image.toString(), probe.bzImage().toString(), "::vmlinuz");
    run("mcopy", "-i", image.toString(), probe.initrd().toString(), "::initrd.gz");
    run("mcopy", "-i", image.toString(), cfg.toString(), "::syslinux.cfg");
    return image;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
  }

  @Test
  void aGuestWithADiskImageBootsThatImageAndAnswersOnItsTap() throws Exception {
    ns.tap("pbdisk0", "192.168.78.1/24");
    Guest plain = Guest.of("g1", "g1", new Nic("nic0", NicModel.E1000, "52:54:00:78:00:0a",
        IpConfig.fixed(GUEST_IP + "/24", "192.168.78.1")));
    ProbeGuest probe = guests.probeGuest();
    Path image = bootableImage(probe, ProbeSettings.of(plain, List.of(), 5).kernelCommandLine());
    Guest g = plain.withDisk(image.toString());
    Topology t = new Topology();
    t.add(g, null);
    t.add(new Tap("pbdisk0", "pbdisk0", "192.168.78.1/24", null), null);
    t.connect(new Link("l0", Endpoint.of("g1", "nic0"), Endpoint.of("pbdisk0")));
    GuestLaunch launch = GuestLaunch.of(t, g, guests.runDir("g1")).inNamespace(ns.name);

    List<String> cmd = launch.command();
    assertTrue(cmd.contains("file=" + image + ",format=raw"), cmd::toString);
    assertFalse(cmd.contains("-kernel"), "a disk image guest is not given the probe guest's kernel: " + cmd);

    GuestProcess p = guests.start(launch);
    // RUNNING for an image is QEMU's run state; the image's own system answering is the proof it booted.
    assertTrue(p.await(x -> x.report().ready(), Duration.ofSeconds(120)), p::console);
    assertEquals(GuestState.RUNNING, p.state());
    assertTrue(p.console().contains("SYSLINUX"), "the boot loader on the image ran: " + p.console());
    assertTrue(ns.ping(GUEST_IP, 2), p::console);
  }
}
