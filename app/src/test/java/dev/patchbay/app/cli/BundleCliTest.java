package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pack, unpack, and what check and up say about a guest whose disk image is missing. */
class BundleCliTest {
  @TempDir
  Path dir;

  /** The sample naming sol11.img, copied into a folder of its own (without the image). */
  private Path sample() throws Exception {
    Path lab = Files.createDirectories(dir.resolve("lab"));
    return Files.copy(CliTest.samples().resolve("user-net-hostfwd.json"), lab.resolve("user-net-hostfwd.json"));
  }

  @Test
  void checkSaysTheSamplesImageIsMissing() {
    Path sample = CliTest.samples().resolve("user-net-hostfwd.json");
    CliTest.Run r = CliTest.run("check", sample.toString());
    assertEquals(0, r.code(), "a missing image is a warning: " + r.out() + r.err());
    assertTrue(r.out().contains("warning [disk.missing] guest sol11: disk image 'sol11.img' is missing (expected at '"
        + sample.toAbsolutePath().normalize().getParent().resolve("sol11.img") + "')"), r.out());
    assertTrue(r.out().contains("fix: Relink") && r.out().contains("--probe-missing"), r.out());
    assertFalse(r.out().contains("no problems found"), r.out());
  }

  @Test
  void upRefusesAMissingImageBeforeAnyStep() throws Exception {
    Path file = sample();
    CliTest.Run r = CliTest.run("up", file.toString(), "--lab", "pb-missing-test");
    assertEquals(PatchbayCli.FINDINGS, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("patchbay up: guest sol11: disk image sol11.img is missing (expected at "
        + file.toAbsolutePath().getParent().resolve("sol11.img") + ")"), r.err());
    assertTrue(r.err().contains("nothing was changed") && r.err().contains("--probe-missing"), r.err());
    assertFalse(r.out().contains("steps to apply"), "refused before planning: " + r.out());
  }

  @Test
  void probeMissingSaysTheProbeGuestBootsInstead() throws Exception {
    // An unknown target stops up right after the disks are settled, before any plan or step.
    CliTest.Run r = CliTest.run("up", sample().toString(), "--probe-missing", "--target", "moon");
    assertTrue(r.out().contains("guest sol11: disk image sol11.img is missing")
        && r.out().contains("booting Patchbay's probe guest in its place (--probe-missing)"), r.out() + r.err());
    assertTrue(r.err().contains("--target must be sandbox or host"), r.err());
  }

  @Test
  void aPackedAndUnpackedLabWithItsImageChecksClean() throws Exception {
    Path file = sample();
    Files.write(file.getParent().resolve("sol11.img"), new byte[4096]);
    Path zip = dir.resolve("lab.zip");
    CliTest.Run p = CliTest.run("pack", file.toString(), "-o", zip.toString(), "--with-images");
    assertEquals(0, p.code(), p.out() + p.err());
    assertTrue(p.out().contains("sol11.img  4096 bytes  sha256 ") && p.out().contains("(included)"), p.out());
    CliTest.Run u = CliTest.run("unpack", zip.toString(), "-d", dir.resolve("there").toString());
    assertEquals(0, u.code(), u.out() + u.err());
    assertTrue(u.out().contains("sol11.img: 4096 bytes, sha256 matches the manifest"), u.out());
    CliTest.Run c = CliTest.run("check", dir.resolve("there/user-net-hostfwd.json").toString());
    assertFalse(c.out().contains("disk.missing"), c.out());
  }

  @Test
  void aBundleWithoutImagesTellsTheCheckWhatTheImageShouldBe() throws Exception {
    Path file = sample();
    Files.write(file.getParent().resolve("sol11.img"), new byte[10]);
    Path zip = dir.resolve("lab.zip");
    assertEquals(0, CliTest.run("pack", file.toString(), "-o", zip.toString()).code());
    CliTest.Run u = CliTest.run("unpack", zip.toString(), "-d", dir.resolve("there").toString());
    assertTrue(u.out().contains("sol11.img: not in the bundle"), u.out());
    CliTest.Run c = CliTest.run("check", dir.resolve("there/user-net-hostfwd.json").toString());
    assertTrue(c.out().contains("[disk.missing]") && c.out().contains("10 bytes, sha256 "), c.out());
  }

  @Test
  void unpackRefusesToOverwriteAndSaysWhy() throws Exception {
    Path file = sample();
    Path zip = dir.resolve("lab.zip");
    assertEquals(0, CliTest.run("pack", file.toString(), "-o", zip.toString()).code());
    CliTest.Run u = CliTest.run("unpack", zip.toString(), "-d", file.getParent().toString());
    assertEquals(PatchbayCli.UNREADABLE, u.code());
    assertTrue(u.err().startsWith("patchbay unpack: ") && u.err().contains("exists"), u.err());
    assertEquals(0, CliTest.run("unpack", zip.toString(), "-d", file.getParent().toString(), "--force").code());
  }
}
