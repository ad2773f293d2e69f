package dev.patchbay.app.designer;

import dev.patchbay.app.designer.canvas.Alignment;
import dev.patchbay.app.designer.canvas.AutoLayoutViewModel;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.canvas.NodeGeometry;
import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.app.designer.help.HelpDialogs;
import dev.patchbay.app.designer.help.ShortcutList;
import dev.patchbay.app.designer.lab.LabViewModel;
import dev.patchbay.app.designer.look.ThemeChoice;
import dev.patchbay.app.designer.look.ThemeViewModel;
import dev.patchbay.app.designer.lab.LabViewModel.State;
import dev.patchbay.backends.apply.TargetSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Every action of the designer, defined once from the view models and the window's services:
 * its name, shortcut, enabled-when and what it does. Menus, the toolbar, the canvas's context menu
 * and the key map look actions up here by id and only lay them out.
 */
public final class DesignerActions {
  private final Map<String, UserAction> byId = new LinkedHashMap<>();
  private final List<UserAction> nudges = new ArrayList<>();
  private final ObservableBooleanValue hasSelection;

  DesignerActions(DocumentViewModel document, CanvasViewModel canvas, AutoLayoutViewModel layout, FileActions files,
      CanvasControls view, LabViewModel lab, LabDialogs labDialogs, DiskDialogs disks, HelpDialogs help) {
    hasSelection = Bindings.isNotEmpty(canvas.selection().ids());
    file(files);
    add(UserAction.define("RelinkDisk", "Relink Disk Image").asks()
        .hint("Point the selected guest at its image; others missing from that folder follow")
        .enabledWhen(disks.oneGuestSelected()).does(disks::relink));
    edit(document, canvas);
    arrange(canvas, layout);
    notes(canvas, view);
    view(view, canvas);
    keys(view, canvas);
    lab(lab, labDialogs);
    help(help);
  }

  /** The action with this id; an unknown id is a programming error, found as the window is built. */
  public UserAction get(String id) {
    UserAction a = byId.get(id);
    if (a == null) {
      throw new IllegalArgumentException("no action " + id);
    }
    return a;
  }

  /** Every action, in the order of the menus. */
  public Collection<UserAction> all() {
    return Collections.unmodifiableCollection(byId.values());
  }

  /** The arrow keys that move the selection: a unit, or with Shift a grid step. */
  public List<UserAction> nudges() {
    return Collections.unmodifiableList(nudges);
  }

  private void add(UserAction a) {
    if (byId.putIfAbsent(a.id(), a) != null) {
      throw new IllegalStateException("two actions with id " + a.id());
    }
  }

  private void file(FileActions files) {
    add(UserAction.define("New", "New").asks().keys("Shortcut+N").hint("An empty design or a sample")
        .does(files::newDocument));
    add(UserAction.define("Open", "Open").asks().keys("Shortcut+O").does(files::chooseAndOpen));
    add(UserAction.define("OpenBundle", "Open Bundle").asks().hint("Unpack a bundle (patchbay pack) into a folder")
        .does(files::openBundle));
    add(UserAction.define("ImportOther", "From another tool").asks()
        .hint("GNS3, containerlab, libvirt, EVE-NG, CORE or QEMU command-line files; dropping one on the window works too")
        .enabledWhen(files.importer().busyProperty().not()).does(files::importFromOtherTool));
    add(UserAction.define("ImportQemu", "QEMU command lines").asks().does(files::importQemu));
    add(UserAction.define("ImportHost", "From this host or a network namespace").asks().does(files::importHost));
    add(UserAction.define("Save", "Save").keys("Shortcut+S").does(files::save));
    add(UserAction.define("SaveAs", "Save As").asks().keys("Shortcut+Shift+S").does(files::saveAs));
    add(UserAction.define("ExportAscii", "Diagram as text (ASCII or Unicode)").asks().keys("Shortcut+E")
        .hint("A preview to copy or save to a file").does(files::exportAscii));
    add(UserAction.define("ExportSvg", "SVG image").asks().does(files::exportSvg));
    add(UserAction.define("ExportPng", "PNG image").asks().does(files::exportPng));
    add(UserAction.define("Quit", "Quit").keys("Shortcut+Q").does(files::quit));
  }

  private void edit(DocumentViewModel document, CanvasViewModel canvas) {
    add(UserAction.define("Undo", "Undo").label(document.undoLabelProperty()).keys("Shortcut+Z")
        .enabledWhen(document.canUndoProperty()).does(document::undo));
    add(UserAction.define("Redo", "Redo").label(document.redoLabelProperty()).keys("Shortcut+Shift+Z")
        .enabledWhen(document.canRedoProperty()).does(document::redo));
    add(UserAction.define("Copy", "Copy").keys("Shortcut+C").enabledWhen(hasSelection).does(canvas::copy));
    add(UserAction.define("Paste", "Paste").keys("Shortcut+V").does(canvas::paste));
    add(UserAction.define("Duplicate", "Duplicate").keys("Shortcut+D").enabledWhen(hasSelection)
        .does(canvas::duplicate));
    add(UserAction.define("Delete", "Delete").keys("Delete").hint("The selection and its links")
        .enabledWhen(hasSelection).does(canvas::deleteSelection));
    add(UserAction.define("SelectAll", "Select All").keys("Shortcut+A").does(canvas::selectAll));
  }

  private void arrange(CanvasViewModel canvas, AutoLayoutViewModel layout) {
    add(UserAction.define("AutoLayout", "Auto Layout").keys("Shortcut+Shift+L")
        .hint("Every element placed left to right, host interfaces in the host box; one undo step")
        .enabledWhen(Bindings.not(layout.runningProperty())).does(layout::layOut));
    for (Alignment how : Alignment.values()) {
      add(UserAction.define("Align" + how.name(), how.label()).keys(how.keys())
          .hint(how.distributes() ? "Three or more elements, evenly spaced between the outermost two"
              : "Two or more elements, lined up on the first selected")
          .enabledWhen(hasSelection).does(() -> canvas.align(how)));
    }
  }

  private void notes(CanvasViewModel canvas, CanvasControls view) {
    add(UserAction.define("AddNote", "Add Note").hint("A note in the middle of the canvas; double-click it to edit")
        .does(() -> view.addNote(canvas)));
    // Enabled by the selection, read again when it changes: a note is selected or it is not.
    ObservableBooleanValue oneNote = Bindings.createBooleanBinding(() -> canvas.notes().selectedNote().isPresent(),
        canvas.selection().ids());
    add(UserAction.define("EditNote", "Edit Note").asks().hint("Or double-click the note").enabledWhen(oneNote)
        .does(() -> view.editNote(canvas)));
  }

  /**
   * Actions that show one of the window's panels, defined once the window has them: Properties shows
   * the selection's settings (the context menus of elements and wires offer it).
   */
  void panels(Runnable showProperties) {
    add(UserAction.define("Properties", "Properties").hint("The selection's settings in the Properties panel")
        .enabledWhen(hasSelection).does(showProperties));
  }

  private void view(CanvasControls view, CanvasViewModel canvas) {
    add(UserAction.define("ZoomIn", "Zoom In").keys("Shortcut+EQUALS").hint("Or turn the mouse wheel")
        .does(view::zoomIn));
    add(UserAction.define("ZoomOut", "Zoom Out").keys("Shortcut+MINUS").hint("Or turn the mouse wheel")
        .does(view::zoomOut));
    add(UserAction.define("Fit", "Fit to Window").keys("Shortcut+0").hint("The whole design in the window")
        .does(view::fitToWindow));
    add(UserAction.define("Snap", "Snap to Grid").hint("Moves snap to the 20-unit grid")
        .toggles(canvas.snapToGridProperty()));
  }

  /** Finding one's way in a big design: Find by name, address or MAC, and the minimap. */
  void bigLabs(Runnable openFind, dev.patchbay.app.designer.find.FindViewModel find, BooleanProperty minimap) {
    add(UserAction.define("Find", "Find").keys("Shortcut+F")
        .hint("An element by name, address or MAC; Enter selects it and centres the view on it").does(openFind));
    add(UserAction.define("FindNext", "Find Next").keys("F3").does(find::next));
    add(UserAction.define("FindPrevious", "Find Previous").keys("Shift+F3").does(find::previous));
    add(UserAction.define("Minimap", "Minimap")
        .hint("The whole design in a corner of the canvas; click or drag in it to move the view").toggles(minimap));
  }

  /** Keys no menu shows: Escape and the arrows. */
  private void keys(CanvasControls view, CanvasViewModel canvas) {
    add(UserAction.define("CancelGesture", "Cancel Gesture").keys("Esc").does(view::cancelGestures));
    String[] directions = {"Left", "Right", "Up", "Down"};
    double[][] unit = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
    for (int i = 0; i < directions.length; i++) {
      double dx = unit[i][0];
      double dy = unit[i][1];
      double grid = NodeGeometry.GRID;
      nudges.add(UserAction.define("Nudge" + directions[i], "Nudge " + directions[i]).keys(directions[i])
          .enabledWhen(hasSelection).does(() -> canvas.nudge(dx, dy)));
      nudges.add(UserAction.define("Nudge" + directions[i] + "Grid", "Nudge " + directions[i] + " a Grid Step")
          .keys("Shift+" + directions[i]).enabledWhen(hasSelection).does(() -> canvas.nudge(dx * grid, dy * grid)));
    }
    nudges.forEach(this::add);
  }

  private void lab(LabViewModel lab, LabDialogs dialogs) {
    ObservableBooleanValue designing = Bindings.createBooleanBinding(
        () -> lab.stateProperty().get() == State.DESIGN, lab.stateProperty());
    ObservableBooleanValue live = Bindings.createBooleanBinding(
        () -> lab.stateProperty().get() == State.LIVE, lab.stateProperty());
    add(UserAction.define("Apply", "Apply in Sandbox").asks().enabledWhen(designing)
        .does(() -> dialogs.apply(TargetSpec.sandbox())));
    add(UserAction.define("ApplyHost", "Apply to This Host").asks().enabledWhen(designing)
        .does(() -> dialogs.apply(TargetSpec.host())));
    add(UserAction.define("TearDown", "Tear Down").asks().hint("Asks first: names the lab and what goes")
        .enabledWhen(live).does(dialogs::tearDown));
    add(UserAction.define("CutLink", "Cut Selected Link").enabledWhen(live)
        .does(() -> dialogs.setSelectedLinks(false)));
    add(UserAction.define("RestoreLink", "Restore Selected Link").enabledWhen(live)
        .does(() -> dialogs.setSelectedLinks(true)));
    add(UserAction.define("Console", "Open Console of Selected Guest").enabledWhen(live).does(dialogs::showConsole));
    add(UserAction.define("Display", "Open Display of Selected Guest").enabledWhen(live).does(dialogs::showDisplay));
    add(UserAction.define("Verify", "Verify Reachability with Real Packets").enabledWhen(designing)
        .does(dialogs::verify));
    for (int hz : new int[] {1, 2, 5, 10}) {
      add(UserAction.define("Refresh" + hz, hz + " per second").chooses(refreshIs(lab, hz)));
    }
  }

  /** View > Theme: follow the desktop, or always light or dark; one of the three is chosen. */
  void theme(ThemeViewModel theme) {
    for (ThemeChoice c : ThemeChoice.values()) {
      String hint = c == ThemeChoice.SYSTEM ? "Light or dark as the desktop prefers (read when chosen and at start)" : null;
      add(UserAction.define("Theme" + c.label(), c.label()).hint(hint).chooses(theme.chosen(c)));
    }
  }

  /** Help: the keys (read from these definitions when shown), the file format, About. */
  private void help(HelpDialogs help) {
    add(UserAction.define("Shortcuts", "Keyboard Shortcuts").keys("F1").hint("Every key of the designer")
        .does(() -> help.shortcuts(ShortcutList.of(all()))));
    add(UserAction.define("FileFormat", "File Format").hint("What a design file holds, field by field")
        .does(help::fileFormat));
    add(UserAction.define("About", "About Patchbay").does(help::about));
  }

  /** True while the lab's counters refresh {@code hz} times a second; choosing it sets that rate. */
  private static BooleanProperty refreshIs(LabViewModel lab, int hz) {
    BooleanProperty chosen = new SimpleBooleanProperty(lab.refreshHzProperty().get() == hz);
    chosen.addListener((o, was, now) -> {
      if (now && lab.refreshHzProperty().get() != hz) {
        lab.setRefreshHz(hz);
      }
    });
    lab.refreshHzProperty().addListener((o, was, now) -> chosen.set(now.intValue() == hz));
    return chosen;
  }
}
