package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample's diagram, in both charsets, as reviewed by eye and kept under
 * src/test/resources/golden. After a deliberate layout change, regenerate them with
 * {@code -Dpatchbay.golden.update=true} and review the diff before committing.
 */
class TextDiagramGoldenTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  static Stream<Arguments> cases() {
    return Samples.files().stream().flatMap(f -> Stream.of(
        Arguments.of(Samples.baseName(f), Charset.ASCII),
        Arguments.of(Samples.baseName(f), Charset.UNICODE)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void sampleRendersAsItsGoldenFile(String sample, Charset charset) throws IOException {
    String text = TextDiagram.render(Samples.load(Samples.dir().resolve(sample + ".json")), charset, 100);
    assertGolden(GOLDEN, sample, charset, text);
  }

  /** The text against its reviewed file in {@code dir}, rewriting it first when asked to update. */
  static void assertGolden(Path dir, String sample, Charset charset, String text) throws IOException {
    Path golden = dir.resolve(sample + "." + charset.name().toLowerCase(java.util.Locale.ROOT) + ".txt");
    if (Boolean.getBoolean("patchbay.golden.update")) {
      Files.createDirectories(dir);
      Files.writeString(golden, text, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text, "differs from " + golden);
  }
}
