package dev.patchbay.model.edit;

import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Moves elements. A drag pushes one of these when the mouse is released; arrow-key nudges of the
 * same selection merge into one step.
 */
public record MoveCommand(Map<String, Point> from, Map<String, Point> to, boolean nudge) implements Command {
  public MoveCommand {
    from = Map.copyOf(from);
    to = Map.copyOf(to);
  }

  @Override
  public void execute(Topology topology) {
    to.forEach(topology::move);
  }

  @Override
  public void undo(Topology topology) {
    from.forEach(topology::move);
  }

  @Override
  public String description() {
    return to.size() == 1 ? "Move " + to.keySet().iterator().next() : "Move " + to.size() + " elements";
  }

  @Override
  public Optional<Command> mergeWith(Command next) {
    if (nudge && next instanceof MoveCommand m && m.nudge() && m.to().keySet().equals(to.keySet())) {
      return Optional.of(new MoveCommand(from, new LinkedHashMap<>(m.to()), true));
    }
    return Optional.empty();
  }
}
