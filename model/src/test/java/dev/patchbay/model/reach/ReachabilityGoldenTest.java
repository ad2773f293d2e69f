package dev.patchbay.model.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole matrix of two generated designs of 150 elements (one broken by 60 random edits), every
 * answer with its path and message as JSON, kept under src/test/resources/golden/reach as the code
 * computed it before the matrix shared its walks (23 Nov): a change meant to be faster must leave
 * them byte-identical. Regenerated once since (7 Dec), when a host forward began to reach only the
 * NIC at its guest address: 689 of the edited design's 4,824 answers changed, every one an answer
 * into the static guests of its user-net hub (10.1.0.0/20), which slirp's forward to 10.0.2.15 never
 * reaches; the other design's answers stayed byte-identical. Regenerated again (7 Dec) when three
 * sentences stopped naming the guides the samples came from ("seed 002 possibility 0") and named the
 * samples' titles: a sed of those three phrases over the old files gives the new ones. After a deliberate change of the answers, regenerate them with
 * {@code -Dpatchbay.golden.update=true} and review the difference before committing.
 */
class ReachabilityGoldenTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "reach");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"generated-150", "generated-150-edited"})
  void matrixIsItsGoldenFile(String design) throws IOException, TopologyFileException {
    String actual = JSON.writeValueAsString(Reachability.of(TopologyFiles.load(GOLDEN.resolve(design + ".json"))));
    Path golden = GOLDEN.resolve(design + ".matrix.json.gz");
    if (Boolean.getBoolean("patchbay.golden.update")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(golden))) {
        out.write(actual.getBytes(StandardCharsets.UTF_8));
      }
    }
    String expected;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(golden))) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!expected.equals(actual)) {
      // Name the first answer that differs: the whole text of thousands of answers says nothing.
      JsonNode want = JSON.readTree(expected);
      JsonNode got = JSON.readTree(actual);
      for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
        assertEquals(want.get(i).toString(), got.get(i).toString(), "answer " + i + " differs from " + golden);
      }
      assertEquals(want.size(), got.size(), "number of answers, against " + golden);
    }
    assertEquals(expected, actual, "differs from " + golden);
  }
}
