package dev.patchbay.model.edit;

import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Several commands that are one step to the user; undone in reverse order. */
public record CompoundCommand(String description, List<Command> parts) implements Command {
  public CompoundCommand {
    parts = List.copyOf(parts);
  }

  @Override
  public void execute(Topology topology) {
    for (Command c : parts) {
      c.execute(topology);
    }
  }

  @Override
  public void undo(Topology topology) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      parts.get(i).undo(topology);
    }
  }

  /**
   * One step with the next compound when each part merges with the next's part at the same place
   * (nudges of a selection of elements and notes: a move of each, nudged again and again).
   */
  @Override
  public Optional<Command> mergeWith(Command next) {
    if (!(next instanceof CompoundCommand c) || c.parts().size() != parts.size()) {
      return Optional.empty();
    }
    List<Command> merged = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Optional<Command> m = parts.get(i).mergeWith(c.parts().get(i));
      if (m.isEmpty()) {
        return Optional.empty();
      }
      merged.add(m.get());
    }
    return Optional.of(new CompoundCommand(description, merged));
  }
}
