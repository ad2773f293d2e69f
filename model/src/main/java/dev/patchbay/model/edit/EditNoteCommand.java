package dev.patchbay.model.edit;

import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Topology;

/** Replaces a note's text; the note keeps its id, place and position in the file. */
public record EditNoteCommand(String noteId, String before, String after) implements Command {
  @Override
  public void execute(Topology topology) {
    set(topology, after);
  }

  @Override
  public void undo(Topology topology) {
    set(topology, before);
  }

  private void set(Topology topology, String text) {
    Note n = topology.note(noteId).orElseThrow(() -> new IllegalArgumentException("no note with id '" + noteId + "'"));
    topology.putNote(new Note(n.id(), text, n.x(), n.y()));
  }

  @Override
  public String description() {
    return "Edit note";
  }
}
