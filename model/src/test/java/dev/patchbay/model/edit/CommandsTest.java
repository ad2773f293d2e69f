package dev.patchbay.model.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandsTest {
  private static Topology sample() throws Exception {
    return TopologyFiles.load(Samples.named("nat-bridge.json"));
  }

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("add", (Function<Topology, Command>) t -> new AddElementCommand(new Hub("hub9", "vlan9", 9), new Point(1, 2))),
        Arguments.of("replace", (Function<Topology, Command>) t -> new ReplaceElementCommand(new Tap("tap0", "tap0", "10.9.9.1/24", null), "Set address")),
        Arguments.of("connect", (Function<Topology, Command>) t -> new ConnectCommand(new Link("l9", Endpoint.of("eth0"), Endpoint.of("br0")))),
        Arguments.of("host", (Function<Topology, Command>) t -> new SetHostCommand(HostSettings.none(), "Clear host settings")),
        Arguments.of("move", (Function<Topology, Command>) t -> new MoveCommand(Map.of("br0", t.position("br0").orElseThrow()), Map.of("br0", new Point(5, 5)), false)),
        Arguments.of("remove element", (Function<Topology, Command>) t -> new RemoveCommand(Set.of("tap0", "eth0"), Set.of())),
        Arguments.of("remove link", (Function<Topology, Command>) t -> new RemoveCommand(Set.of(), Set.of("l2"))),
        Arguments.of("compound", (Function<Topology, Command>) t -> new CompoundCommand("two", List.of(
            new AddElementCommand(new Hub("hub9", "vlan9", 9), null), new RemoveCommand(Set.of("guest1"), Set.of())))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void executeUndoRedoRestoresExactly(String name, Function<Topology, Command> make) throws Exception {
    assertUndoRedoRestoresExactly(sample(), make);
  }

  /** Execute changes the file; undo gives it back byte for byte (elements, links, notes in order); redo the result. */
  static void assertUndoRedoRestoresExactly(Topology t, Function<Topology, Command> make) throws Exception {
    String before = TopologyFiles.toJson(t);
    CommandStack stack = new CommandStack(t);
    stack.push(make.apply(t));
    String after = TopologyFiles.toJson(t);
    assertFalse(before.equals(after), "the command changed something");
    stack.undo();
    assertEquals(before, TopologyFiles.toJson(t), "undo restores the file byte for byte");
    stack.redo();
    assertEquals(after, TopologyFiles.toJson(t), "redo gives the same result again");
  }

  @Test
  void deletingAnElementTakesItsLinksAndHostReferencesInOneStep() throws Exception {
    Topology t = sample();
    CommandStack stack = new CommandStack(t);
    stack.push(new RemoveCommand(Set.of("eth0"), Set.of()));
    assertTrue(t.linksOf("eth0").isEmpty());
    assertTrue(t.host().nat().isEmpty(), "NAT out of the deleted uplink goes too");
    stack.undo();
    assertEquals(1, t.host().nat().size());
    assertEquals(1, t.linksOf("eth0").size());
  }

  @Test
  void pushClearsRedo() throws Exception {
    CommandStack stack = new CommandStack(sample());
    stack.push(new AddElementCommand(new Hub("h1", "h1", 1), null));
    stack.undo();
    assertTrue(stack.canRedo());
    stack.push(new AddElementCommand(new Hub("h2", "h2", 2), null));
    assertFalse(stack.canRedo());
  }

  @Test
  void nudgesOfTheSameSelectionMergeIntoOneStep() throws Exception {
    Topology t = sample();
    Point start = t.position("br0").orElseThrow();
    CommandStack stack = new CommandStack(t);
    Point p = start;
    for (int i = 0; i < 5; i++) {
      Point next = p.translate(1, 0);
      stack.push(new MoveCommand(Map.of("br0", p), Map.of("br0", next), true));
      p = next;
    }
    assertEquals(new Point(start.x() + 5, start.y()), t.position("br0").orElseThrow());
    stack.undo();
    assertEquals(start, t.position("br0").orElseThrow(), "one undo takes back all five nudges");
    assertFalse(stack.canUndo());
  }

  @Test
  void dragsDoNotMerge() throws Exception {
    Topology t = sample();
    Point start = t.position("br0").orElseThrow();
    CommandStack stack = new CommandStack(t);
    stack.push(new MoveCommand(Map.of("br0", start), Map.of("br0", new Point(1, 1)), false));
    stack.push(new MoveCommand(Map.of("br0", new Point(1, 1)), Map.of("br0", new Point(2, 2)), false));
    stack.undo();
    assertEquals(new Point(1, 1), t.position("br0").orElseThrow());
  }

  @Test
  void revisionTracksUnsavedChangesThroughUndo() throws Exception {
    CommandStack stack = new CommandStack(sample());
    long saved = stack.revision();
    stack.push(new AddElementCommand(new Hub("h1", "h1", 1), null));
    assertFalse(stack.revision() == saved);
    stack.undo();
    assertEquals(saved, stack.revision(), "back at the saved state means no unsaved changes");
  }

  @Test
  void historyIsBounded() throws Exception {
    CommandStack stack = new CommandStack(sample(), 3);
    for (int i = 0; i < 5; i++) {
      stack.push(new AddElementCommand(new Hub("h" + i, "h" + i, i), null));
    }
    int undos = 0;
    while (stack.canUndo()) {
      stack.undo();
      undos++;
    }
    assertEquals(3, undos);
  }

  @Test
  void pushingWhileAnotherCommandExecutesIsRefused() throws Exception {
    Topology t = sample();
    CommandStack stack = new CommandStack(t);
    Command reentrant = new Command() {
      @Override
      public void execute(Topology topology) {
        stack.push(new AddElementCommand(new Hub("h1", "h1", 1), null));
      }

      @Override
      public void undo(Topology topology) {}

      @Override
      public String description() {
        return "reentrant";
      }
    };
    assertThrows(IllegalStateException.class, () -> stack.push(reentrant));
  }

  @Test
  void undoDescriptionNamesTheEdit() throws Exception {
    CommandStack stack = new CommandStack(sample());
    stack.push(new AddElementCommand(Guest.of("g9", "delta"), null));
    assertEquals("Add guest delta", stack.undoDescription().orElseThrow());
  }
}
