package dev.patchbay.app.designer;

import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/** The buttons for what people do most: files, undo, delete, zoom and snap. */
final class ToolBarBuilder {
  private final DesignerWindow w;

  ToolBarBuilder(DesignerWindow window) {
    this.w = window;
  }

  ToolBar build() {
    Button undo = button("Undo", "toolUndo", "Ctrl+Z", () -> w.document().undo());
    undo.disableProperty().bind(w.document().canUndoProperty().not());
    undo.tooltipProperty().get().textProperty().bind(w.document().undoLabelProperty());
    Button redo = button("Redo", "toolRedo", "Ctrl+Shift+Z", () -> w.document().redo());
    redo.disableProperty().bind(w.document().canRedoProperty().not());
    redo.tooltipProperty().get().textProperty().bind(w.document().redoLabelProperty());
    Button delete = button("Delete", "toolDelete", "Delete the selection and its links",
        () -> w.canvasViewModel().deleteSelection());
    delete.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(w.canvasViewModel().selection().ids()));
    ToggleButton snap = new ToggleButton("Snap");
    snap.setId("toolSnap");
    snap.setTooltip(new Tooltip("Snap moves to the 20-unit grid"));
    snap.selectedProperty().bindBidirectional(w.canvasViewModel().snapToGridProperty());
    ToolBar bar = new ToolBar(
        button("New", "toolNew", "Ctrl+N: an empty design or a sample", () -> w.files().newDocument()),
        button("Open", "toolOpen", "Ctrl+O", () -> w.files().chooseAndOpen()),
        button("Save", "toolSave", "Ctrl+S", () -> w.files().save()),
        new Separator(), undo, redo, delete, new Separator(),
        button("Zoom in", "toolZoomIn", "Ctrl+= or the mouse wheel", () -> w.canvas().zoomBy(1.25, centre())),
        button("Zoom out", "toolZoomOut", "Ctrl+- or the mouse wheel", () -> w.canvas().zoomBy(0.8, centre())),
        button("Fit", "toolFit", "Ctrl+0: the whole design in the window", () -> w.canvas().fitToWindow()),
        snap);
    bar.setId("toolBar");
    return bar;
  }

  private Point2D centre() {
    return new Point2D(w.canvas().getWidth() / 2, w.canvas().getHeight() / 2);
  }

  private static Button button(String text, String id, String tip, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setTooltip(new Tooltip(tip));
    b.setFocusTraversable(false);
    b.setOnAction(e -> action.run());
    return b;
  }
}
