package dev.patchbay.app.designer;

import static dev.patchbay.app.designer.ActionControls.SEPARATOR;

import dev.patchbay.app.designer.canvas.Alignment;
import dev.patchbay.app.designer.document.RecentFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;

/** The menu bar: where each action sits; what it says and does comes from {@link DesignerActions}. */
final class MenuBuilder {
  private final RecentFiles recent;
  private final Menu recentMenu = new Menu("Open Recent");
  private Consumer<Path> openRecent = p -> { };

  MenuBuilder(RecentFiles recent) {
    this.recent = recent;
  }

  MenuBar build(DesignerActions actions, Consumer<Path> opener) {
    openRecent = opener;
    refreshRecent();
    MenuBar bar = new MenuBar(file(actions), edit(actions), view(actions), arrange(actions), lab(actions), help(actions));
    bar.setId("menuBar");
    return bar;
  }

  private Menu file(DesignerActions actions) {
    return menu("File", actions, "New", "Open", "OpenBundle", recentMenu, menu("Import", actions, "ImportOther", "ImportQemu", "ImportHost"),
        SEPARATOR, "Save", "SaveAs", menu("Export", actions, "ExportAscii", "ExportSvg", "ExportPng"),
        SEPARATOR, "Quit");
  }

  private static Menu edit(DesignerActions actions) {
    return menu("Edit", actions, "Undo", "Redo", SEPARATOR, "Copy", "Paste", "Duplicate", "Delete",
        SEPARATOR, "AddNote", "EditNote", SEPARATOR, "SelectAll", SEPARATOR, "Properties", "RelinkDisk",
        SEPARATOR, "Find", "FindNext", "FindPrevious");
  }

  private static Menu view(DesignerActions actions) {
    return menu("View", actions, "ZoomIn", "ZoomOut", "Fit", SEPARATOR, "Snap", "Minimap",
        SEPARATOR, menu("Theme", actions, "ThemeSystem", "ThemeLight", "ThemeDark"));
  }

  private static Menu arrange(DesignerActions actions) {
    Object[] aligns = Arrays.stream(Alignment.values()).map(a -> "Align" + a.name()).toArray();
    Object[] entries = new Object[aligns.length + 2];
    entries[0] = "AutoLayout";
    entries[1] = SEPARATOR;
    System.arraycopy(aligns, 0, entries, 2, aligns.length);
    return menu("Arrange", actions, entries);
  }

  /** Apply in a private sandbox or (opted into, with a warning) to this host; act on the running lab. */
  private static Menu lab(DesignerActions actions) {
    return menu("Lab", actions, "Apply", "ApplyHost", "TearDown", SEPARATOR, "CutLink", "RestoreLink", "Console", "Display",
        SEPARATOR, "Verify", menu("Counter Refresh", actions, "Refresh1", "Refresh2", "Refresh5", "Refresh10"));
  }

  private static Menu help(DesignerActions actions) {
    return menu("Help", actions, "Shortcuts", "FileFormat", SEPARATOR, "About");
  }

  private static Menu menu(String text, DesignerActions actions, Object... entries) {
    Menu m = new Menu(text);
    m.getItems().setAll(ActionControls.menuItems("menu", actions, entries));
    return m;
  }

  /** The files opened or saved last, newest first; rebuilt after each open or save. */
  void refreshRecent() {
    recentMenu.getItems().clear();
    for (Path p : recent.list()) {
      MenuItem i = new MenuItem(p.toString());
      i.setOnAction(e -> openRecent.accept(p));
      recentMenu.getItems().add(i);
    }
    recentMenu.setDisable(recentMenu.getItems().isEmpty());
  }
}
