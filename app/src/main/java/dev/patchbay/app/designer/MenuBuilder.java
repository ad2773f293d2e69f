package dev.patchbay.app.designer;

import dev.patchbay.app.designer.canvas.Alignment;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.app.designer.document.RecentFiles;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import dev.patchbay.app.designer.textio.TextDialogs;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** The menus; every item forwards one call to a view model or to {@link FileActions}. */
final class MenuBuilder {
  private final DesignerWindow w;
  private final Menu recentMenu = new Menu("Open Recent");

  MenuBuilder(DesignerWindow window) {
    this.w = window;
  }

  MenuBar build(RecentFiles recent) {
    refreshRecent(recent);
    MenuBar bar = new MenuBar(file(), edit(), view(), arrange(), LabMenu.build(w));
    bar.setId("menuBar");
    return bar;
  }

  private Menu file() {
    Menu export = new Menu("Export", null,
        item("Diagram as text (ASCII)...", "menuExportAscii", "Shortcut+E", () -> TextDialogs.asciiPreview(
            w.scene().getWindow(), () -> w.document().topology())),
        item("PNG image...", "menuExportPng", null, () -> w.files().exportPng()));
    Menu importMenu = new Menu("Import", null,
        item("QEMU command lines...", "menuImportQemu", null, () -> TextDialogs.importQemu(
            w.scene().getWindow(), t -> w.files().openImported(t))),
        item("From this host or a network namespace...", "menuImportHost", null, () -> TextDialogs.importHost(
            w.scene().getWindow(), t -> w.files().openImported(t))));
    return new Menu("File", null,
        item("New...", "menuNew", "Shortcut+N", () -> w.files().newDocument()),
        item("Open...", "menuOpen", "Shortcut+O", () -> w.files().chooseAndOpen()),
        recentMenu,
        importMenu,
        new SeparatorMenuItem(),
        item("Save", "menuSave", "Shortcut+S", () -> w.files().save()),
        item("Save As...", "menuSaveAs", "Shortcut+Shift+S", () -> w.files().saveAs()),
        export,
        new SeparatorMenuItem(),
        item("Quit", "menuQuit", "Shortcut+Q", () -> {
          if (w.files().confirmDiscard()) {
            w.scene().getWindow().hide();
          }
        }));
  }

  private Menu edit() {
    DocumentViewModel doc = w.document();
    CanvasViewModel c = w.canvasViewModel();
    MenuItem undo = item("Undo", "menuUndo", "Shortcut+Z", doc::undo);
    undo.textProperty().bind(doc.undoLabelProperty());
    undo.disableProperty().bind(doc.canUndoProperty().not());
    MenuItem redo = item("Redo", "menuRedo", "Shortcut+Shift+Z", doc::redo);
    redo.textProperty().bind(doc.redoLabelProperty());
    redo.disableProperty().bind(doc.canRedoProperty().not());
    return new Menu("Edit", null, undo, redo, new SeparatorMenuItem(),
        item("Copy", "menuCopy", "Shortcut+C", c::copy),
        item("Paste", "menuPaste", "Shortcut+V", c::paste),
        item("Duplicate", "menuDuplicate", "Shortcut+D", c::duplicate),
        item("Delete", "menuDelete", "Delete", c::deleteSelection),
        new SeparatorMenuItem(),
        item("Select All", "menuSelectAll", "Shortcut+A", c::selectAll));
  }

  private Menu view() {
    CheckMenuItem snap = new CheckMenuItem("Snap to Grid");
    snap.setId("menuSnap");
    snap.selectedProperty().bindBidirectional(w.canvasViewModel().snapToGridProperty());
    return new Menu("View", null,
        item("Zoom In", "menuZoomIn", "Shortcut+EQUALS", () -> w.canvas().zoomBy(1.25, centre())),
        item("Zoom Out", "menuZoomOut", "Shortcut+MINUS", () -> w.canvas().zoomBy(0.8, centre())),
        item("Fit to Window", "menuFit", "Shortcut+0", () -> w.canvas().fitToWindow()),
        new SeparatorMenuItem(), snap);
  }

  private Menu arrange() {
    Menu m = new Menu("Arrange");
    for (Alignment a : Alignment.values()) {
      m.getItems().add(item(a.label(), "menuAlign" + a.name(), null, () -> w.canvasViewModel().align(a)));
    }
    return m;
  }

  private Point2D centre() {
    return new Point2D(w.canvas().getWidth() / 2, w.canvas().getHeight() / 2);
  }

  void refreshRecent(RecentFiles recent) {
    recentMenu.getItems().clear();
    for (Path p : recent.list()) {
      MenuItem i = new MenuItem(p.toString());
      i.setOnAction(e -> {
        if (w.files().confirmDiscard()) {
          w.files().open(p);
        }
      });
      recentMenu.getItems().add(i);
    }
    recentMenu.setDisable(recentMenu.getItems().isEmpty());
  }

  private static MenuItem item(String text, String id, String accelerator, Runnable action) {
    MenuItem i = new MenuItem(text);
    i.setId(id);
    if (accelerator != null) {
      i.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    i.setOnAction(e -> action.run());
    return i;
  }
}
