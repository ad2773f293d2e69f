package dev.patchbay.app.designer.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.bundle.Sha256;
import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.disk.BundleManifest;
import dev.patchbay.model.disk.ManifestFormat;
import dev.patchbay.model.topology.Guest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskImagesViewModelTest {
  @TempDir
  Path dir;
  private final DocumentViewModel document = new DocumentViewModel();
  private DiskImagesViewModel disks;
  private Path moved;

  /** The sample with a second guest, both images missing beside it, both found later in moved/. */
  @BeforeEach
  void openTwoGuestsWithMissingImages() throws Exception {
    String sample = Files.readString(Path.of(System.getProperty("patchbay.samples", "../samples"),
        "user-net-hostfwd.json"));
    Path file = Files.writeString(dir.resolve("lab.json"), sample);
    document.open(file);
    Guest sol = (Guest) document.topology().element("sol11").orElseThrow();
    document.topology().add(new Guest("other", "other", "x86_64", "pc", 128, "other.img", List.of()), null);
    assertEquals("sol11.img", sol.disk());
    moved = Files.createDirectories(dir.resolve("moved"));
    Files.write(moved.resolve("sol11.img"), new byte[] {1, 2, 3});
    Files.write(moved.resolve("other.img"), new byte[] {4});
    disks = new DiskImagesViewModel(document);
  }

  private String disk(String id) {
    return ((Guest) document.topology().element(id).orElseThrow()).disk();
  }

  @Test
  void listsTheGuestsWhoseImagesAreMissing() {
    assertEquals(List.of("sol11", "other"), disks.missing().stream().map(m -> m.guest().id()).toList());
  }

  @Test
  void relinkingOneRelinksTheOthersFoundInTheSameFolderAsOneUndoStep() {
    DiskImagesViewModel.Outcome o = disks.relink("sol11", moved.resolve("sol11.img"));
    assertTrue(o.done(), o.message());
    assertTrue(o.message().startsWith("Relinked 2 guests") && o.message().contains("1 more found in " + moved),
        o.message());
    assertEquals("./moved/sol11.img", disk("sol11"));
    assertEquals("./moved/other.img", disk("other"));
    assertEquals(List.of(), disks.missing());
    document.undo();
    assertEquals("sol11.img", disk("sol11"));
    assertEquals("other.img", disk("other"));
    document.redo();
    assertEquals("./moved/other.img", disk("other"));
  }

  @Test
  void aFileWhoseHashDiffersFromTheManifestIsRefused() throws Exception {
    Files.writeString(dir.resolve(BundleManifest.FILE_NAME), ManifestFormat.write(BundleManifest.of("lab.json",
        List.of(new BundleManifest.Image("sol11.img", 3, "0".repeat(64), false)))));
    disks = new DiskImagesViewModel(document);
    DiskImagesViewModel.Outcome o = disks.relink("sol11", moved.resolve("sol11.img"));
    assertFalse(o.done());
    assertTrue(o.message().contains("sol11.img has sha256 " + Sha256.of(moved.resolve("sol11.img"))
        + ", the manifest gives " + "0".repeat(64) + "; sol11 was not relinked"), o.message());
    assertEquals("sol11.img", disk("sol11"));
    assertFalse(document.canUndoProperty().get());
  }

  @Test
  void aFileWithTheManifestsHashIsAccepted() throws Exception {
    Files.writeString(dir.resolve(BundleManifest.FILE_NAME), ManifestFormat.write(BundleManifest.of("lab.json",
        List.of(new BundleManifest.Image("sol11.img", 3, Sha256.of(moved.resolve("sol11.img")), false),
            new BundleManifest.Image("other.img", 1, "0".repeat(64), false)))));
    disks = new DiskImagesViewModel(document);
    DiskImagesViewModel.Outcome o = disks.relink("sol11", moved.resolve("sol11.img"));
    assertTrue(o.done(), o.message());
    assertTrue(o.message().contains("left out 1: other.img has sha256"), o.message());
    assertEquals("other.img", disk("other"));
  }

  @Test
  void aRelinkCheckedBeforeAnotherDesignOpenedChangesNothing() {
    DiskImagesViewModel.Prepared p = disks.prepare("sol11", moved.resolve("sol11.img"));
    document.newDocument();
    DiskImagesViewModel.Outcome o = disks.apply(p);
    assertFalse(o.done());
    assertFalse(document.canUndoProperty().get());
  }

  @Test
  void forLaunchGivesAbsolutePathsAndTheProbeGuestForTheMissing() {
    var launch = disks.forLaunch(disks.missing());
    assertEquals(null, ((Guest) launch.element("sol11").orElseThrow()).disk());
    assertEquals("sol11.img", disk("sol11"));
  }
}
