package dev.patchbay.model.edit;

import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Deletes notes; undo puts each back at its place in the file's order, so a save is unchanged. */
public final class RemoveNotesCommand implements Command {
  private final Set<String> noteIds;
  private final List<Removed> removed = new ArrayList<>();

  private record Removed(int index, Note note) {}

  public RemoveNotesCommand(Set<String> noteIds) {
    this.noteIds = new LinkedHashSet<>(noteIds);
  }

  @Override
  public void execute(Topology t) {
    removed.clear();
    for (String id : noteIds) {
      t.note(id).ifPresent(n -> removed.add(new Removed(t.noteIndex(id), n)));
    }
    removed.sort(Comparator.comparingInt(Removed::index));
    for (int i = removed.size() - 1; i >= 0; i--) {
      t.removeNote(removed.get(i).note().id());
    }
  }

  @Override
  public void undo(Topology t) {
    for (Removed r : removed) {
      t.insertNote(r.index(), r.note());
    }
  }

  @Override
  public String description() {
    return noteIds.size() == 1 ? "Delete note" : "Delete " + noteIds.size() + " notes";
  }
}
