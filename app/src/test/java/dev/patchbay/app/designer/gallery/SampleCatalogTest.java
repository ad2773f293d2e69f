package dev.patchbay.app.designer.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.patchbay.model.format.TopologyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SampleCatalogTest {
  private static final Path SAMPLES = Path.of(System.getProperty("patchbay.samples", "../samples"));

  @Test
  void theGalleryOffersEverySampleWithItsDescription() throws Exception {
    List<String> files;
    try (Stream<Path> s = Files.list(SAMPLES)) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
    List<SampleCatalog.Sample> samples = SampleCatalog.all();
    assertEquals(files, samples.stream().map(SampleCatalog.Sample::fileName).toList());
    samples.forEach(s -> assertFalse(s.description().isBlank(), s.fileName() + " has no description"));
  }

  @Test
  void aSampleLoadsAsTheTopologyItsFileHolds() throws Exception {
    SampleCatalog.Sample s = SampleCatalog.all().stream()
        .filter(x -> x.fileName().equals("nat-bridge.json")).findFirst().orElseThrow();
    assertEquals(Files.readString(SAMPLES.resolve(s.fileName())), TopologyFiles.toJson(s.load()));
  }
}
