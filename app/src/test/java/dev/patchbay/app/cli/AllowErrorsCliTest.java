package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code patchbay verify --allow-errors} and {@code up --allow-errors} end to end on a broken copy of
 * nat-routing (ip_forward off, and a host route through a gateway on no subnet of tap0): the route
 * is named as not applied, the rest is applied; verify's cells all agree with the broken design's
 * matrix, its "no" cells included.
 */
@Tag("guests")
class AllowErrorsCliTest {
  @TempDir
  Path state;

  private Path broken() throws Exception {
    Path broken = state.resolve("broken.json");
    Files.writeString(broken, Files.readString(CliTest.samples().resolve("nat-routing.json"))
        .replace("\"ipForward\": true,", "\"ipForward\": false, \"routes\": [{\"destination\": \"172.16.0.0/16\","
            + " \"via\": \"192.168.5.1\", \"device\": \"tap0\"}],"));
    return broken;
  }

  @Test
  void upAppliesADesignWithErrorsAsFarAsItCanAndNamesWhatItLeftOut() throws Exception {
    Path broken = broken();
    String lab = "pbu-" + Integer.toHexString(new Random().nextInt(1 << 24));
    String before = System.getProperty("patchbay.state");
    System.setProperty("patchbay.state", Files.createDirectories(state.resolve("labs")).toString());
    try {
      CliTest.Run refused = CliTest.run("up", broken.toString(), "--lab", lab);
      assertEquals(PatchbayCli.FINDINGS, refused.code(), refused.out() + refused.err());

      CliTest.Run r = CliTest.run("up", "--allow-errors", broken.toString(), "--lab", lab);

      assertEquals(PatchbayCli.OK, r.code(), r.out() + r.err());
      assertTrue(r.out().contains("  not applied  add route 172.16.0.0/16 via 192.168.5.1 dev tap0: "), r.out());
      assertTrue(r.out().contains("  done  start guest GUEST2"), r.out());
    } finally {
      CliTest.Run down = CliTest.run("down", lab);
      if (before == null) {
        System.clearProperty("patchbay.state");
      } else {
        System.setProperty("patchbay.state", before);
      }
      assertEquals(0, down.code(), down.out() + down.err());
    }
  }

  @Test
  void aDesignWithErrorsIsVerifiedAsFarAsItCanBeApplied() throws Exception {
    Path broken = broken();
    String lab = "pbv-" + Integer.toHexString(new Random().nextInt(1 << 24));
    String before = System.getProperty("patchbay.state");
    System.setProperty("patchbay.state", Files.createDirectories(state.resolve("labs")).toString());
    try {
      CliTest.Run r = CliTest.run("verify", "--allow-errors", broken.toString(), "--lab", lab);

      assertEquals(PatchbayCli.OK, r.code(), r.out() + r.err());
      assertTrue(r.err().contains("has 1 error(s); going ahead (--allow-errors)"), r.err());
      assertTrue(r.err().contains("  error: the host masquerades out of eth0 but ip_forward is off"), r.err());
      assertTrue(r.out().startsWith("Not applied"), r.out());
      assertTrue(r.out().contains("  add route 172.16.0.0/16 via 192.168.5.1 dev tap0: "), r.out());
      assertTrue(r.out().contains("14 cells: 14 agree, 0 differ, 0 untested"), r.out());
    } finally {
      if (before == null) {
        System.clearProperty("patchbay.state");
      } else {
        System.setProperty("patchbay.state", before);
      }
    }
  }
}
