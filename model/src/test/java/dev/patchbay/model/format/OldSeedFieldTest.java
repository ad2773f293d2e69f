package dev.patchbay.model.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.model.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Files written before the samples were named by scenario carry a "seed" field (the source
 * document's number). The format keeps it, at version 1: such a file loads and saves back as it was.
 */
class OldSeedFieldTest {
  private static final Path OLD = Path.of("src", "test", "resources", "format", "nat-bridge-with-seed.json");

  @Test
  void aFileWithTheSeedFieldLoadsAndSavesBackByteIdentical() throws Exception {
    String text = Files.readString(OLD, StandardCharsets.UTF_8);
    Topology t = TopologyFiles.parse(text, OLD.toString());
    assertEquals("002 possibility 2", t.seed());
    assertEquals(text, TopologyFiles.toJson(t));
  }
}
