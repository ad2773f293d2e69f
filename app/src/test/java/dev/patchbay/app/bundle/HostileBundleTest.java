package dev.patchbay.app.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bundles made to harm: each is refused with a reason, and nothing is left in or outside the folder. */
class HostileBundleTest {
  private static final String TOPOLOGY = "{\"format\":\"patchbay-topology\",\"version\":1,\"name\":\"x\"}";
  private static final String ZERO_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @TempDir
  Path dir;

  private String refused(ZipCraft zip, BundleLimits limits) throws Exception {
    Path file = zip.write(dir.resolve("evil.zip"));
    Path into = dir.resolve("into");
    BundleException e = assertThrows(BundleException.class, () -> new BundleUnpacker(limits).unpack(file, into, false));
    assertEquals(0, BundleTest.files(into).count(), "nothing is left in the folder");
    assertFalse(Files.exists(dir.resolve("evil.txt")));
    return e.getMessage();
  }

  private static ZipCraft bundle() {
    return new ZipCraft().put("lab.json", TOPOLOGY).put("patchbay-manifest.json", BundleTest.manifest(null, 0, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../evil.txt", "/tmp/evil.txt", "a/../../evil.txt", "..\\evil.txt"})
  void anEntryLeavingTheFolderIsRefused(String name) throws Exception {
    String why = refused(bundle().put(name, "x"), BundleLimits.STANDARD);
    assertTrue(why.contains("entry '") || why.contains("entry"), why);
  }

  @Test
  void aSymbolicLinkEntryIsRefused() throws Exception {
    String why = refused(bundle().put("disks/vm.img", "/etc/passwd").mode("disks/vm.img", 0120777),
        BundleLimits.STANDARD);
    assertTrue(why.contains("disks/vm.img is a symbolic link"), why);
  }

  @Test
  void tooManyEntriesAreRefusedBeforeAnythingIsRead() throws Exception {
    ZipCraft z = bundle();
    for (int i = 0; i < 20; i++) {
      z.put("f" + i, "");
    }
    String why = refused(z, new BundleLimits(10, 1L << 30));
    assertTrue(why.contains("entries"), why);
  }

  @Test
  void anImageLargerThanTheManifestSaysIsCutOffAndRemoved() throws Exception {
    ZipCraft z = new ZipCraft().put("lab.json", TOPOLOGY)
        .put("patchbay-manifest.json", BundleTest.manifest("vm.img", 0, ZERO_HASH))
        .put("vm.img", new byte[5 << 20]);
    String why = refused(z, BundleLimits.STANDARD);
    assertTrue(why.contains("vm.img is larger than the manifest says (0 bytes)"), why);
  }

  @Test
  void aBundleDeclaringMoreBytesThanAllowedIsRefused() throws Exception {
    ZipCraft z = new ZipCraft().put("lab.json", TOPOLOGY)
        .put("patchbay-manifest.json", BundleTest.manifest("vm.img", 1L << 40, ZERO_HASH)).put("vm.img", "");
    String why = refused(z, BundleLimits.STANDARD);
    assertTrue(why.contains("more than the"), why);
  }

  @Test
  void anImageWithAnotherHashIsRemoved() throws Exception {
    ZipCraft z = new ZipCraft().put("lab.json", TOPOLOGY)
        .put("patchbay-manifest.json", BundleTest.manifest("vm.img", 3, ZERO_HASH)).put("vm.img", "abc");
    String why = refused(z, BundleLimits.STANDARD);
    assertTrue(why.contains("the manifest gives 3 bytes, sha256 " + ZERO_HASH), why);
  }

  @Test
  void anEntryTheManifestDoesNotListIsRefused() throws Exception {
    String why = refused(bundle().put("run.sh", "#!/bin/sh"), BundleLimits.STANDARD);
    assertTrue(why.contains("run.sh is neither the topology"), why);
  }

  @Test
  void aLinkAlreadyInTheFolderCannotLeadOut() throws Exception {
    Path into = Files.createDirectories(dir.resolve("into"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createSymbolicLink(into.resolve("disks"), outside);
    Path file = new ZipCraft().put("lab.json", TOPOLOGY)
        .put("patchbay-manifest.json", BundleTest.manifest("disks/vm.img", 3, Sha256Probe.ABC))
        .put("disks/vm.img", "abc").write(dir.resolve("evil.zip"));
    BundleException e = assertThrows(BundleException.class,
        () -> new BundleUnpacker(BundleLimits.STANDARD).unpack(file, into, false));
    assertTrue(e.getMessage().contains("leads out of"), e.getMessage());
    assertEquals(0, BundleTest.files(outside).count());
  }

  @Test
  void aZipWithoutAManifestIsNotABundle() throws Exception {
    String why = refused(new ZipCraft().put("lab.json", TOPOLOGY), BundleLimits.STANDARD);
    assertTrue(why.contains("not a Patchbay bundle"), why);
  }

  /** sha256("abc"). */
  static final class Sha256Probe {
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  }
}
