package dev.patchbay.app.designer.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.gallery.SampleCatalog;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which documents are samples as shipped, whose Save means Save As. */
class SampleDocumentTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private final DocumentViewModel doc = new DocumentViewModel();

  @Test
  void aSampleFromTheGalleryIsOneAndAnImportOrANewDesignIsNot() throws Exception {
    doc.newFromSample(SampleCatalog.all().get(0).load());
    assertTrue(doc.isFromSample());
    doc.newFrom(new Topology());
    assertFalse(doc.isFromSample());
    doc.newFromSample(SampleCatalog.all().get(0).load());
    doc.newDocument();
    assertFalse(doc.isFromSample());
  }

  @Test
  void aFileIsASampleOnlyWithASamplesNameAndBytes(@TempDir Path dir) throws Exception {
    Path shipped = dir.resolve("nat-bridge.json");
    Files.copy(SAMPLE, shipped);
    doc.open(shipped);
    assertTrue(doc.isFromSample());
    Path renamed = dir.resolve("my-nat.json");
    Files.copy(SAMPLE, renamed);
    doc.open(renamed);
    assertFalse(doc.isFromSample());
    Path changed = dir.resolve("sub").resolve("nat-bridge.json");
    Files.createDirectories(changed.getParent());
    Files.writeString(changed, Files.readString(SAMPLE).replace("GUEST1", "WEB"));
    doc.open(changed);
    assertFalse(doc.isFromSample(), "the user's edited copy under the sample's name");
  }

  @Test
  void savingASampleElsewhereMakesItTheUsersFile(@TempDir Path dir) throws Exception {
    doc.open(SAMPLE);
    assertTrue(doc.isFromSample());
    doc.saveAs(dir.resolve("mine.json"));
    assertFalse(doc.isFromSample());
  }
}
