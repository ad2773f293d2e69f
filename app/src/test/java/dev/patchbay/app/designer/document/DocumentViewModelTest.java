package dev.patchbay.app.designer.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.edit.AddElementCommand;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentViewModelTest {
  static final Path SAMPLES = Path.of(System.getProperty("patchbay.samples", "../samples"));

  @TempDir
  Path dir;

  private final DocumentViewModel doc = new DocumentViewModel();

  @Test
  void titleGetsAStarAfterAnEditAndLosesItWhenUndoneToTheSavedState() {
    doc.push(new AddElementCommand(new Hub("hub0", "hub0", 0), new Point(0, 0)));
    assertEquals("*untitled - Patchbay", doc.titleProperty().get());
    doc.undo();
    assertEquals("untitled - Patchbay", doc.titleProperty().get());
  }

  @Test
  void savingClearsTheStarAndNamesTheFile() throws Exception {
    doc.push(new AddElementCommand(new Hub("hub0", "hub0", 0), new Point(0, 0)));
    doc.saveAs(dir.resolve("lab.json"));
    assertFalse(doc.isDirty());
    assertEquals("lab.json - Patchbay", doc.titleProperty().get());
  }

  @Test
  void editMenuLabelsNameTheCommand() {
    doc.push(new AddElementCommand(new Hub("hub0", "hub0", 0), new Point(0, 0)));
    assertEquals("Undo Add hub (qemu vlan) hub0", doc.undoLabelProperty().get());
    doc.undo();
    assertEquals("Redo Add hub (qemu vlan) hub0", doc.redoLabelProperty().get());
  }

  @Test
  void aBrokenFileKeepsTheCurrentDocumentAndSaysWhere() throws Exception {
    doc.open(SAMPLES.resolve("nat-bridge.json"));
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\n  \"format\": \"patchbay-topology\",\n  \"version\": 1,\n  \"elements\": [ }\n");
    TopologyFileException e = assertThrows(TopologyFileException.class, () -> doc.open(broken));
    assertTrue(e.getMessage().contains("broken.json:4:"), e.getMessage());
    assertEquals("NAT behind a bridge of taps", doc.topology().name());
  }

  static Stream<Path> samples() throws Exception {
    return Files.list(SAMPLES).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleSavesUnchangedByteForByte(Path sample) throws Exception {
    doc.open(sample);
    Path out = dir.resolve(sample.getFileName());
    doc.saveAs(out);
    assertEquals(Files.readString(sample), Files.readString(out));
  }
}
