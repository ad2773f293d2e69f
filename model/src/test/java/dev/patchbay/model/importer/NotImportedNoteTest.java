package dev.patchbay.model.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Where an import's note goes: beside the design, so however many lines it has it covers no element. */
class NotImportedNoteTest {
  @Test
  void theNoteSitsLeftOfTheDesignAtItsTop() {
    Topology t = new Topology();
    t.add(new Hub("h1", "h1", 0), new Point(200, 20));
    t.add(Guest.of("g1", "pc"), new Point(700, 300));
    List<Skipped> skipped = IntStream.range(0, 40)
        .mapToObj(i -> new Skipped("R" + i, "Dynamips c7200 router", "Patchbay runs QEMU guests only")).toList();
    Importers.finish(t, skipped, "GNS3 project");
    Note n = t.note(Importers.NOTE_ID).orElseThrow();
    assertEquals(20, n.y(), "level with the design's top");
    assertTrue(n.x() + Importers.NOTE_WIDTH < 200, "its drawn width ends before the leftmost element: " + n.x());
    assertTrue(n.text().startsWith("Not imported from the GNS3 project"));
    assertEquals(41, n.text().lines().count());
  }

  @Test
  void nothingSkippedLeavesNoNote() {
    Topology t = new Topology();
    t.add(new Hub("h1", "h1", 0), new Point(200, 20));
    Importers.finish(t, List.of(), "GNS3 project");
    assertTrue(t.notes().isEmpty());
  }
}
