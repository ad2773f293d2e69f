package dev.patchbay.app.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.disk.BundleManifest;
import dev.patchbay.model.disk.ManifestFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {
  @TempDir
  Path dir;

  /** A design in lab/ whose guest boots lab/disks/vm.img, and one outside at shared/other.img. */
  private Path design(boolean withOutsideImage) throws Exception {
    Path lab = Files.createDirectories(dir.resolve("lab/disks"));
    Files.write(lab.resolve("vm.img"), "an image".repeat(1000).getBytes(StandardCharsets.UTF_8));
    String text = Files.readString(Path.of("..", "samples", "user-net-hostfwd.json"))
        .replace("\"disk\": \"sol11.img\"", "\"disk\": \"./disks/vm.img\"");
    if (withOutsideImage) {
      Path shared = Files.createDirectories(dir.resolve("shared"));
      Files.write(shared.resolve("other.img"), new byte[] {1, 2, 3});
      text = text.replace("\"disk\": \"./disks/vm.img\"", "\"disk\": \"../shared/other.img\"");
    }
    return Files.writeString(dir.resolve("lab/lab.json"), text);
  }

  private static BundleManifest manifestIn(Path zip) throws Exception {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return ManifestFormat.parse(z.getInputStream(z.getEntry(BundleManifest.FILE_NAME)).readAllBytes(), "m");
    }
  }

  @Test
  void packWithoutImagesListsThemWithSizeAndHash() throws Exception {
    Path file = design(false);
    Path zip = dir.resolve("lab.zip");
    new BundlePacker().pack(file, zip, false, false);
    BundleManifest m = manifestIn(zip);
    assertEquals("lab.json", m.topology());
    BundleManifest.Image img = m.images().get(0);
    assertEquals("disks/vm.img", img.path());
    assertEquals(8000, img.size());
    assertEquals(Sha256.of(dir.resolve("lab/disks/vm.img")), img.sha256());
    assertFalse(img.included());
    try (ZipFile z = new ZipFile(zip.toFile())) {
      assertEquals(2, z.size());
      assertEquals(Files.readString(file), new String(z.getInputStream(z.getEntry("lab.json")).readAllBytes(),
          StandardCharsets.UTF_8));
    }
  }

  @Test
  void packWithImagesAndUnpackElsewhereGivesTheSameBytes() throws Exception {
    Path zip = dir.resolve("lab.zip");
    new BundlePacker().pack(design(false), zip, true, false);
    BundleUnpacker.Unpacked u = new BundleUnpacker(BundleLimits.STANDARD).unpack(zip, dir.resolve("there"), false);
    assertEquals(dir.resolve("there/lab.json").toAbsolutePath(), u.topology());
    assertEquals(Sha256.of(dir.resolve("lab/disks/vm.img")), Sha256.of(dir.resolve("there/disks/vm.img")));
    assertTrue(Files.exists(dir.resolve("there").resolve(BundleManifest.FILE_NAME)));
    assertEquals(List.of("disks/vm.img: 8000 bytes, sha256 matches the manifest"), u.images());
    assertTrue(FileDiskImages.beside(u.topology()).manifest().isPresent());
  }

  @Test
  void anImageOutsideTheFolderTravelsUnderImages() throws Exception {
    Path zip = dir.resolve("lab.zip");
    BundlePacker.Packed p = new BundlePacker().pack(design(true), zip, true, false);
    assertEquals("images/other.img", p.manifest().images().get(0).path());
    assertTrue(p.notes().get(0).contains("outside the design's folder"), p.notes().toString());
    new BundleUnpacker(BundleLimits.STANDARD).unpack(zip, dir.resolve("there"), false);
    assertTrue(Files.readString(dir.resolve("there/lab.json")).contains("\"disk\" : \"./images/other.img\"")
        || Files.readString(dir.resolve("there/lab.json")).contains("\"disk\": \"./images/other.img\""));
    assertEquals(3, Files.size(dir.resolve("there/images/other.img")));
  }

  @Test
  void unpackKeepsExistingFilesUnlessAsked() throws Exception {
    Path zip = dir.resolve("lab.zip");
    new BundlePacker().pack(design(false), zip, false, false);
    Path there = Files.createDirectories(dir.resolve("there"));
    Files.writeString(there.resolve("lab.json"), "mine");
    BundleException e = assertThrows(BundleException.class,
        () -> new BundleUnpacker(BundleLimits.STANDARD).unpack(zip, there, false));
    assertTrue(e.getMessage().contains("exists"), e.getMessage());
    assertEquals("mine", Files.readString(there.resolve("lab.json")));
    new BundleUnpacker(BundleLimits.STANDARD).unpack(zip, there, true);
    assertTrue(Files.readString(there.resolve("lab.json")).contains("sol11"));
  }

  @Test
  void packRefusesToOverwriteABundleUnlessAsked() throws Exception {
    Path zip = Files.writeString(dir.resolve("lab.zip"), "old");
    assertThrows(BundleException.class, () -> new BundlePacker().pack(design(false), zip, false, false));
    assertEquals("old", Files.readString(zip));
  }

  static String manifest(String imagePath, long size, String sha) {
    return ManifestFormat.write(BundleManifest.of("lab.json", imagePath == null ? List.of()
        : List.of(new BundleManifest.Image(imagePath, size, sha, true))));
  }

  static Stream<Path> files(Path root) throws Exception {
    return Files.exists(root) ? Files.walk(root).filter(Files::isRegularFile) : Stream.empty();
  }
}
