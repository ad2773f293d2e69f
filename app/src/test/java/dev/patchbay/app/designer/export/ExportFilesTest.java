package dev.patchbay.app.designer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.textio.AsciiPreviewViewModel;
import dev.patchbay.model.diagram.Charset;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text diagram and the SVG saved from the designer's Export menu. */
class ExportFilesTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");

  @Test
  void theUnicodeDiagramIsSavedAsShownInUtf8(@TempDir Path dir) throws Exception {
    Topology t = TopologyFiles.load(SAMPLE);
    AsciiPreviewViewModel vm = new AsciiPreviewViewModel(() -> t);
    vm.charsetProperty().set(Charset.UNICODE);
    Path file = dir.resolve("lab.txt");
    assertTrue(vm.saveTo(file).isEmpty());
    String saved = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals(vm.textProperty().get().stripTrailing(), saved.stripTrailing());
    assertTrue(saved.chars().anyMatch(c -> c > 127), "box-drawing characters survive");
  }

  @Test
  void aFileThatCannotBeWrittenSaysWhy(@TempDir Path dir) throws Exception {
    Topology t = TopologyFiles.load(SAMPLE);
    AsciiPreviewViewModel vm = new AsciiPreviewViewModel(() -> t);
    assertTrue(vm.saveTo(dir.resolve("missing").resolve("lab.txt")).orElseThrow().contains("lab.txt"));
  }

  @Test
  void aChosenNameWithoutExtensionGetsOne() {
    assertEquals(Path.of("/tmp/lab.svg"), ExportFiles.withExtension(Path.of("/tmp/lab"), "svg"));
    assertEquals(Path.of("/tmp/lab.svg"), ExportFiles.withExtension(Path.of("/tmp/lab.svg"), "svg"));
    assertEquals(Path.of("/tmp/lab.v2.txt"), ExportFiles.withExtension(Path.of("/tmp/lab.v2.txt"), "txt"));
    assertEquals("nat-bridge.svg", ExportFiles.suggestedName("nat-bridge.json", "svg"));
    assertEquals("NAT behind a bridge.txt", ExportFiles.suggestedName("NAT behind a bridge", "txt"));
  }
}
