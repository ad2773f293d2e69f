package dev.patchbay.model.edit;

import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Topology;

/** Places a new note on the canvas. */
public record AddNoteCommand(Note note) implements Command {
  @Override
  public void execute(Topology topology) {
    topology.insertNote(-1, note);
  }

  @Override
  public void undo(Topology topology) {
    topology.removeNote(note.id());
  }

  @Override
  public String description() {
    return "Add note";
  }
}
