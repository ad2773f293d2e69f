package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.topology.Note;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;

/** The dialog that edits a note's text: all of it, however long (the canvas shows only the start). */
public final class NoteEditor {
  private NoteEditor() {}

  /** The dialog for the note, not shown yet; its result is the new text, or empty when cancelled. */
  public static Dialog<String> dialog(Node owner, Note note) {
    TextArea area = new TextArea(note.text());
    area.setId("noteText");
    area.setWrapText(true);
    area.setPrefColumnCount(40);
    area.setPrefRowCount(10);
    Dialog<String> d = new Dialog<>();
    d.setTitle("Edit Note");
    d.setHeaderText(NoteView.isNotImported(note)
        ? "What the import could not bring over (a finding lists it until this note is deleted)"
        : "The note's text, shown on the canvas and saved with the design");
    if (owner.getScene() != null) {
      d.initOwner(owner.getScene().getWindow());
    }
    d.getDialogPane().setContent(area);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    d.setResultConverter(b -> b == ButtonType.OK ? area.getText() : null);
    d.setOnShown(e -> area.requestFocus());
    return d;
  }

  public static Optional<String> ask(Node owner, Note note) {
    return dialog(owner, note).showAndWait();
  }
}
