package dev.patchbay.model.edit;

import dev.patchbay.model.topology.Topology;
import java.util.Optional;

/** One undoable edit of a topology. execute and undo must be exact inverses. */
public interface Command {
  void execute(Topology topology);

  void undo(Topology topology);

  /** What the edit did, for the Edit menu ("Undo Move 3 elements"). */
  String description();

  /**
   * A command that does both this and the next edit, if the two are one gesture to the user
   * (repeated arrow-key nudges of the same selection). Empty when they stay separate steps.
   */
  default Optional<Command> mergeWith(Command next) {
    return Optional.empty();
  }
}
