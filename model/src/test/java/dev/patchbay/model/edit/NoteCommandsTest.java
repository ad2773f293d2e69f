package dev.patchbay.model.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoteCommandsTest {
  /** A sample with three notes, so order in the file can be checked after an undo. */
  private static Topology withNotes() throws Exception {
    Topology t = TopologyFiles.load(Samples.named("nat-bridge.json"));
    t.putNote(new Note("n1", "first", 10, 10));
    t.putNote(new Note("not-imported", "Not imported from the GNS3 project:\n- R1 (dynamips)", 40, -80));
    t.putNote(new Note("n3", "third", 300, 10));
    return t;
  }

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("add", (Function<Topology, Command>) t -> new AddNoteCommand(new Note("n9", "new", 5, 6))),
        Arguments.of("edit", (Function<Topology, Command>) t -> new EditNoteCommand("n1", "first", "edited\nover two lines")),
        Arguments.of("move", (Function<Topology, Command>) t -> new MoveNotesCommand(
            Map.of("n1", new Point(10, 10), "n3", new Point(300, 10)), Map.of("n1", new Point(50, 70), "n3", new Point(340, 70)))),
        Arguments.of("remove the middle one", (Function<Topology, Command>) t -> new RemoveNotesCommand(Set.of("not-imported"))),
        Arguments.of("remove several", (Function<Topology, Command>) t -> new RemoveNotesCommand(Set.of("n3", "n1"))),
        Arguments.of("move with elements", (Function<Topology, Command>) t -> new CompoundCommand("Move 2 items", List.of(
            new MoveCommand(Map.of("br0", t.position("br0").orElseThrow()), Map.of("br0", new Point(5, 5)), false),
            new MoveNotesCommand(Map.of("n1", new Point(10, 10)), Map.of("n1", new Point(15, 15)))))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void executeUndoRedoRestoresTheFileExactly(String name, Function<Topology, Command> make) throws Exception {
    CommandsTest.assertUndoRedoRestoresExactly(withNotes(), make);
  }

  @Test
  void everyNoteEditTellsListenersWhichNote() throws Exception {
    Topology t = withNotes();
    List<TopologyChange> heard = new ArrayList<>();
    t.addListener(heard::add);
    CommandStack stack = new CommandStack(t);
    stack.push(new RemoveNotesCommand(Set.of("not-imported")));
    assertEquals(List.of(new TopologyChange.NoteChanged("not-imported")), heard);
    assertTrue(t.note("not-imported").isEmpty(), "a listener finds a removed note absent");
    stack.undo();
    assertEquals(2, heard.size());
    assertTrue(t.note("not-imported").isPresent());
  }

  @Test
  void editingKeepsPlaceAndMovingKeepsText() throws Exception {
    Topology t = withNotes();
    CommandStack stack = new CommandStack(t);
    stack.push(new EditNoteCommand("n3", "third", "3rd"));
    stack.push(new MoveNotesCommand(Map.of("n3", new Point(300, 10)), Map.of("n3", new Point(0, 0))));
    assertEquals(new Note("n3", "3rd", 0, 0), t.note("n3").orElseThrow());
    assertEquals(List.of("n1", "not-imported", "n3"), t.notes().stream().map(Note::id).toList());
  }

  @Test
  void nudgesOfNotesAndElementsTogetherMergeIntoOneStep() throws Exception {
    Topology t = withNotes();
    Point br = t.position("br0").orElseThrow();
    CommandStack stack = new CommandStack(t);
    for (int i = 0; i < 5; i++) {
      Point p = t.position("br0").orElseThrow();
      Note n = t.note("n1").orElseThrow();
      stack.push(new CompoundCommand("Move 2 items", List.of(
          new MoveCommand(Map.of("br0", p), Map.of("br0", p.translate(1, 0)), true),
          new MoveNotesCommand(Map.of("n1", new Point(n.x(), n.y())), Map.of("n1", new Point(n.x() + 1, n.y())), true))));
    }
    assertEquals(15, t.note("n1").orElseThrow().x());
    stack.undo();
    assertEquals(10, t.note("n1").orElseThrow().x(), "one undo takes back all five nudges");
    assertEquals(br, t.position("br0").orElseThrow());
    assertFalse(stack.canUndo());
  }

  @Test
  void dragsOfNotesDoNotMerge() throws Exception {
    Topology t = withNotes();
    CommandStack stack = new CommandStack(t);
    stack.push(new MoveNotesCommand(Map.of("n1", new Point(10, 10)), Map.of("n1", new Point(20, 20))));
    stack.push(new MoveNotesCommand(Map.of("n1", new Point(20, 20)), Map.of("n1", new Point(30, 30))));
    stack.undo();
    assertEquals(20, t.note("n1").orElseThrow().x());
  }

  @Test
  void descriptionsNameTheEdit() {
    assertEquals("Add note", new AddNoteCommand(new Note("n", "", 0, 0)).description());
    assertEquals("Edit note", new EditNoteCommand("n", "a", "b").description());
    assertEquals("Move note", new MoveNotesCommand(Map.of("n", new Point(0, 0)), Map.of("n", new Point(1, 1))).description());
    assertEquals("Delete 2 notes", new RemoveNotesCommand(Set.of("a", "b")).description());
  }
}
