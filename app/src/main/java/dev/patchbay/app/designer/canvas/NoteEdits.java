package dev.patchbay.app.designer.canvas;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.edit.AddNoteCommand;
import dev.patchbay.model.edit.Command;
import dev.patchbay.model.edit.EditNoteCommand;
import dev.patchbay.model.edit.MoveNotesCommand;
import dev.patchbay.model.edit.RemoveNotesCommand;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javafx.beans.property.StringProperty;

/**
 * What the canvas does to notes: each method pushes at most one command (or returns one for the
 * canvas's view model to push with the elements' part of the same gesture).
 */
public final class NoteEdits {
  /** A new note says how to change it, so the user is never left guessing. */
  static final String NEW_TEXT = "New note: double-click to edit";
  private final DocumentViewModel document;
  private final SelectionModel selection;
  private final StringProperty status;

  NoteEdits(DocumentViewModel document, SelectionModel selection, StringProperty status) {
    this.document = document;
    this.selection = selection;
    this.status = status;
  }

  private Topology topology() {
    return document.topology();
  }

  /** Adds a note at the point (canvas units) and selects it; returns its id. */
  public String add(Point at) {
    String id = topology().freshId("note");
    document.push(new AddNoteCommand(new Note(id, NEW_TEXT, at.x(), at.y())));
    selection.select(id);
    status.set("Added a note: double-click it to edit its text");
    return id;
  }

  /** The note's text becomes {@code text}, as one step; nothing when it is unchanged. */
  public void setText(String id, String text) {
    topology().note(id).filter(n -> !n.text().equals(text))
        .ifPresent(n -> document.push(new EditNoteCommand(id, n.text(), text)));
  }

  /** The one note selected, if exactly one note and nothing else is. */
  public Optional<Note> selectedNote() {
    Set<String> ids = selection.snapshot();
    return ids.size() == 1 ? topology().note(ids.iterator().next()) : Optional.empty();
  }

  /** The notes among the ids moved by the offset, snapped: empty if none is a note or none moves. */
  Optional<Command> moveBy(Set<String> ids, double dx, double dy, UnaryOperator<Point> snap) {
    Map<String, Point> from = new LinkedHashMap<>();
    Map<String, Point> to = new LinkedHashMap<>();
    for (String id : ids) {
      topology().note(id).ifPresent(n -> {
        Point p = new Point(n.x(), n.y());
        from.put(id, p);
        to.put(id, snap.apply(p.translate(dx, dy)));
      });
    }
    return to.equals(from) ? Optional.empty() : Optional.of(new MoveNotesCommand(from, to));
  }

  /** An arrow key's nudge of the notes among the ids (merged with the next nudge); empty if none is a note. */
  Optional<Command> nudge(Set<String> ids, double dx, double dy) {
    Map<String, Point> from = new LinkedHashMap<>();
    Map<String, Point> to = new LinkedHashMap<>();
    for (String id : ids) {
      topology().note(id).ifPresent(n -> {
        from.put(id, new Point(n.x(), n.y()));
        to.put(id, new Point(n.x() + dx, n.y() + dy));
      });
    }
    return to.isEmpty() ? Optional.empty() : Optional.of(new MoveNotesCommand(from, to, true));
  }

  /** A delete of the notes among the ids; empty if none is a note. */
  Optional<Command> delete(Set<String> ids) {
    Set<String> found = new LinkedHashSet<>();
    ids.stream().filter(id -> topology().note(id).isPresent()).forEach(found::add);
    return found.isEmpty() ? Optional.empty() : Optional.of(new RemoveNotesCommand(found));
  }
}
