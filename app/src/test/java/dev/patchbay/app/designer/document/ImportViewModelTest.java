package dev.patchbay.app.designer.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.importer.Importers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a dropped or chosen file goes, decided without a window. */
class ImportViewModelTest {
  @TempDir
  Path dir;

  private static Path fixture(String name) throws Exception {
    return Path.of(ImportViewModelTest.class.getResource("/imports/" + name).toURI());
  }

  private static Path sample() {
    return Path.of(System.getProperty("patchbay.samples", "../samples"), "hub-nics.json");
  }

  private static ImportViewModel.Outcome routed(List<Path> files, boolean drop) {
    List<ImportViewModel.Outcome> out = new ArrayList<>();
    ImportViewModel vm = new ImportViewModel(Runnable::run, Runnable::run);
    if (drop) {
      vm.route(files, out::add);
    } else {
      vm.importFiles(files, out::add);
    }
    assertFalse(vm.busyProperty().get(), "not busy once the outcome is handed over");
    assertEquals(1, out.size());
    return out.get(0);
  }

  @Test
  void aDroppedPatchbayDesignIsOpened() {
    var o = assertInstanceOf(ImportViewModel.Outcome.Open.class, routed(List.of(sample()), true));
    assertEquals(sample(), o.file());
  }

  @Test
  void aDroppedStartScriptIsImportedWithWhatWasLeftOut() throws Exception {
    var d = assertInstanceOf(ImportViewModel.Outcome.Done.class, routed(List.of(fixture("lab-start.sh")), true));
    assertEquals("QEMU command lines", d.from());
    assertEquals(2, d.imported().topology().elementsOf(dev.patchbay.model.topology.Guest.class).count());
    String report = ImportViewModel.report(d.imported()).orElseThrow();
    assertTrue(report.contains("Not imported") && report.contains("wait (shell command)"), report);
    assertTrue(report.contains(Importers.NOTE_ID), report);
    assertTrue(ImportViewModel.summary(d).contains("2 things not imported"), ImportViewModel.summary(d));
  }

  @Test
  void anUnknownFileIsRefusedNamingItAndTheFormats() throws Exception {
    var f = assertInstanceOf(ImportViewModel.Outcome.Failed.class, routed(List.of(fixture("notes.txt")), true));
    assertTrue(f.message().contains("notes.txt is neither a Patchbay design nor"), f.message());
    assertTrue(f.message().contains("QEMU command lines"), f.message());
  }

  @Test
  void aBrokenJsonIsOpenedSoTheLoaderSaysWhereItBreaks() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": ");
    assertInstanceOf(ImportViewModel.Outcome.Open.class, routed(List.of(broken), true));
  }

  @Test
  void aMissingOrUnreadableFileFailsNamingIt() {
    var f = assertInstanceOf(ImportViewModel.Outcome.Failed.class,
        routed(List.of(dir.resolve("gone.gns3")), false));
    assertTrue(f.message().contains("gone.gns3: cannot read the file"), f.message());
  }

  @Test
  void aPatchbayDesignChosenForImportIsOpened() throws Exception {
    assertInstanceOf(ImportViewModel.Outcome.Open.class, routed(List.of(sample()), false));
    Path broken = Files.writeString(dir.resolve("other.json"), "{\"nodes\": []}");
    assertInstanceOf(ImportViewModel.Outcome.Failed.class, routed(List.of(broken), false));
  }

  @Test
  void readingHappensOnTheBackgroundExecutorAndTheOutcomeOnTheFxOne() throws Exception {
    List<Runnable> background = new ArrayList<>();
    List<Runnable> fx = new ArrayList<>();
    List<ImportViewModel.Outcome> out = new ArrayList<>();
    ImportViewModel vm = new ImportViewModel(background::add, fx::add);
    vm.route(List.of(fixture("lab-start.sh")), out::add);
    assertTrue(vm.busyProperty().get());
    assertEquals(1, background.size());
    background.get(0).run();
    assertTrue(out.isEmpty(), "nothing is shown from the reading thread");
    fx.get(0).run();
    assertEquals(1, out.size());
    assertFalse(vm.busyProperty().get());
  }

  @Test
  void aDroppedBundleIsUnpackedNotImported() throws Exception {
    Path design = dir.resolve("lab.json");
    Files.copy(sample(), design);
    Path zip = dir.resolve("lab.zip");
    new dev.patchbay.app.bundle.BundlePacker().pack(design, zip, false, false);
    var b = assertInstanceOf(ImportViewModel.Outcome.Bundle.class, routed(List.of(zip), true));
    assertEquals(zip, b.zip());
  }

  @Test
  void aZipWithoutAManifestIsNoBundle() throws Exception {
    Path zip = dir.resolve("other.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
      out.write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertInstanceOf(ImportViewModel.Outcome.Failed.class, routed(List.of(zip), true));
  }
}
