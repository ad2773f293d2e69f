package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.probe.ProbeGuest;
import dev.patchbay.backends.probe.ProbeSettings;
import dev.patchbay.model.topology.Guest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a lab guest's console and display add to QEMU's command line, and what verify's probe guests do not get. */
class GuestScreenLaunchTest {
  private static final Path RUN = Path.of("/run/pb/g1");
  private static final ProbeGuest PROBE = new ProbeGuest(Path.of("/c/vmlinuz"), Path.of("/c/initrd.gz"), "k", List.of());

  private static GuestLaunch probe(Guest g) {
    return new GuestLaunch(g, List.of(), RUN).probe(PROBE, ProbeSettings.of(g, List.of(), 5));
  }

  private static String after(List<String> cmd, String option) {
    return cmd.get(cmd.indexOf(option) + 1);
  }

  @Test
  void aVncDisplayListensOnAUnixSocketInTheRunFolderNeverATcpPort() {
    List<String> cmd = probe(Guest.of("g1", "g1").withDisplay("vnc")).withVncDisplay().command();
    assertEquals("vnc=unix:/run/pb/g1/display.sock", after(cmd, "-display"));
    assertFalse(cmd.contains("-vnc"));
  }

  @Test
  void withoutADisplayTheGuestStaysHeadless() {
    assertEquals("none", after(probe(Guest.of("g1", "g1")).command(), "-display"));
  }

  @Test
  void aLabProbeGuestGetsAShellOnItsConsoleSocketAndVerifysDoesNot() {
    List<String> lab = probe(Guest.of("g1", "g1")).withConsoleShell().command();
    assertEquals("chardev:pbconsole", after(lab, "-serial"));
    assertTrue(after(lab, "-append").endsWith(" pb.shell=1"), after(lab, "-append"));
    List<String> verify = probe(Guest.of("g1", "g1")).withConsoleInput().command();
    assertFalse(after(verify, "-append").contains("pb.shell"), "verify's probe guests read probe rounds there");
  }
}
