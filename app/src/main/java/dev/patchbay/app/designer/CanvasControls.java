package dev.patchbay.app.designer;

import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.canvas.NoteEditor;
import dev.patchbay.app.designer.canvas.NoteView;
import dev.patchbay.model.topology.Point;
import dev.patchbay.app.designer.palette.PaletteView;
import javafx.geometry.Point2D;

/**
 * What the View actions, Escape and the note actions act on: the canvas's viewport, a gesture under
 * way, and the dialogs and places that need the view (the middle of the shown area).
 */
final class CanvasControls {
  private static final double ZOOM_IN = 1.25;
  private static final double ZOOM_OUT = 0.8;
  private final CanvasView canvas;
  private final PaletteView palette;
  /** Where the canvas's context menu was asked for: its Add Note puts the note there; null: the middle. */
  private Point2D nextNote;

  CanvasControls(CanvasView canvas, PaletteView palette) {
    this.canvas = canvas;
    this.palette = palette;
  }

  /** Zooms around the middle of the canvas (the wheel zooms around the pointer). */
  void zoomIn() {
    canvas.zoomBy(ZOOM_IN, centre());
  }

  void zoomOut() {
    canvas.zoomBy(ZOOM_OUT, centre());
  }

  void fitToWindow() {
    canvas.fitToWindow();
  }

  /** Escape: a wire, a move, a marquee or a drag from the palette ends and leaves nothing behind. */
  void cancelGestures() {
    canvas.cancelGesture();
    palette.cancelGesture();
  }

  /** A new note where the canvas's context menu was opened, else in the middle of what the canvas shows. */
  void addNote(CanvasViewModel vm) {
    Point2D at = canvas.toCanvas(nextNote != null ? nextNote : centre());
    nextNote = null;
    vm.notes().add(new Point(at.getX() - NoteView.WIDTH / 2, at.getY()));
  }

  /**
   * The point (in the canvas's pixels) the next Add Note uses, set as the canvas's context menu
   * opens; null for the middle. It lasts only while that menu shows, so the Edit menu's Add Note
   * later still adds in the middle.
   */
  void placeNextNote(Point2D local) {
    nextNote = local;
  }

  /** Asks for the selected note's new text; OK pushes one edit, Cancel nothing. */
  void editNote(CanvasViewModel vm) {
    vm.notes().selectedNote().ifPresent(n -> NoteEditor.ask(canvas, n).ifPresent(t -> vm.notes().setText(n.id(), t)));
  }

  private Point2D centre() {
    return new Point2D(canvas.getWidth() / 2, canvas.getHeight() / 2);
  }
}
