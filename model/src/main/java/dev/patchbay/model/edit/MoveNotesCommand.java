package dev.patchbay.model.edit;

import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.Map;
import java.util.Optional;

/**
 * Moves notes. Kept apart from {@link MoveCommand} because notes are not elements (they have no
 * links and no entry in the layout); a drag of elements and notes together pushes both in one
 * {@link CompoundCommand}.
 */
public record MoveNotesCommand(Map<String, Point> from, Map<String, Point> to, boolean nudge) implements Command {
  public MoveNotesCommand {
    from = Map.copyOf(from);
    to = Map.copyOf(to);
  }

  /** A drag's move (never merged with the next). */
  public MoveNotesCommand(Map<String, Point> from, Map<String, Point> to) {
    this(from, to, false);
  }

  @Override
  public void execute(Topology topology) {
    to.forEach((id, p) -> place(topology, id, p));
  }

  @Override
  public void undo(Topology topology) {
    from.forEach((id, p) -> place(topology, id, p));
  }

  private static void place(Topology topology, String id, Point p) {
    Note n = topology.note(id).orElseThrow(() -> new IllegalArgumentException("no note with id '" + id + "'"));
    topology.putNote(new Note(id, n.text(), p.x(), p.y()));
  }

  /** Arrow-key nudges of the same notes are one step, as {@link MoveCommand}'s are. */
  @Override
  public Optional<Command> mergeWith(Command next) {
    if (nudge && next instanceof MoveNotesCommand m && m.nudge() && m.to().keySet().equals(to.keySet())) {
      return Optional.of(new MoveNotesCommand(from, m.to(), true));
    }
    return Optional.empty();
  }

  @Override
  public String description() {
    return to.size() == 1 ? "Move note" : "Move " + to.size() + " notes";
  }
}
