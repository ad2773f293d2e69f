package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.topology.Note;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * One note on the canvas: a sticky-note-like box of wrapped text at the note's place, as wide as
 * {@link #WIDTH} and as tall as its text. The note an import leaves (what it could not bring over)
 * is drawn in the warning colours with its first line as a title, and wider (its lines are long). While a drag is under way it is
 * only translated, like a node; the move command places it for good.
 */
public final class NoteView extends VBox {
  /** Wide enough for a line of ~35 characters at 100%, narrow enough to sit beside a few nodes. */
  public static final double WIDTH = 240;
  /**
   * A note from a colleague's file may hold any amount of text; past this much the box shows the
   * start and an ellipsis (editing shows all of it), so one note cannot cover the whole design.
   */
  static final int MAX_SHOWN = 4000;
  private final Label title = new Label();
  private final Label text = new Label();
  private Note note;

  NoteView(Note note) {
    setId("note-" + note.id());
    getStyleClass().add("note");
    if (isNotImported(note)) {
      getStyleClass().add("note-not-imported");
      title.getStyleClass().add("note-title");
      title.setWrapText(true);
      getChildren().add(title);
    }
    text.getStyleClass().add("note-text");
    text.setWrapText(true);
    getChildren().add(text);
    double width = isNotImported(note) ? Importers.NOTE_WIDTH : WIDTH;
    setMinWidth(width);
    setPrefWidth(width);
    setMaxWidth(width);
    update(note);
  }

  static boolean isNotImported(Note note) {
    return Importers.NOTE_ID.equals(note.id());
  }

  public Note note() {
    return note;
  }

  /** Redraws for an edited or moved copy of the note. */
  void update(Note edited) {
    note = edited;
    String all = edited.text();
    if (isNotImported(edited)) {
      int nl = all.indexOf('\n');
      title.setText(nl < 0 ? all : all.substring(0, nl));
      all = nl < 0 ? "" : all.substring(nl + 1);
    }
    text.setText(all.length() > MAX_SHOWN ? all.substring(0, MAX_SHOWN) + "…" : all);
    text.setVisible(!text.getText().isEmpty() || !isNotImported(edited));
    text.setManaged(text.isVisible());
    relocate(edited.x(), edited.y());
  }

  /** The title line of the import's note; empty for other notes. */
  public String titleText() {
    return title.getText();
  }

  /** The text the box shows (without the title line). */
  public String shownText() {
    return text.getText();
  }

  /**
   * In an overview the box is a plain filled block (see patchbay.css) and its text is hidden: at
   * under 50% it would be a few pixels tall. The box keeps its size, so the design's shape stays.
   */
  void setOverview(boolean on) {
    pseudoClassStateChanged(CanvasStyles.OVERVIEW, on);
    title.setOpacity(on ? 0 : 1);
    text.setOpacity(on ? 0 : 1);
  }

  void setSelected(boolean on) {
    pseudoClassStateChanged(CanvasStyles.SELECTED, on);
  }
}
