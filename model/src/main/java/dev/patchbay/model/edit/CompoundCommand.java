package dev.patchbay.model.edit;

import dev.patchbay.model.topology.Topology;
import java.util.List;

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
}
