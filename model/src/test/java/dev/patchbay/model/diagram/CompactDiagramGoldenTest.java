package dev.patchbay.model.diagram;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample's export in the default style at the default width, both charsets, as reviewed by eye
 * and kept under src/test/resources/golden-compact (the bridged samples hold the full style they
 * give way to). After a deliberate change, regenerate with {@code -Dpatchbay.golden.update=true}
 * and review the diff before committing.
 */
class CompactDiagramGoldenTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden-compact");

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dev.patchbay.model.diagram.TextDiagramGoldenTest#cases")
  void sampleRendersAsItsGoldenFile(String sample, Charset charset) throws IOException {
    String text = DiagramStyle.COMPACT.render(Samples.load(Samples.dir().resolve(sample + ".json")), charset, 100);
    TextDiagramGoldenTest.assertGolden(GOLDEN, sample, charset, text);
  }
}
