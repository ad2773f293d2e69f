package dev.patchbay.app.designer;

import static dev.patchbay.app.designer.ActionControls.SEPARATOR;

import dev.patchbay.app.designer.canvas.Alignment;
import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.canvas.gesture.CanvasGestures;
import dev.patchbay.app.designer.canvas.gesture.ContextTarget;
import dev.patchbay.app.designer.canvas.gesture.ContextTarget.Kind;
import dev.patchbay.model.topology.Guest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The canvas's context menus, one for each kind of thing right-clicked: the empty canvas (paste, add a
 * note, select all, auto layout), an element (properties, copy, duplicate, delete, align on a
 * multi-selection, and for a guest its console and disk image), a wire (cut and restore it in a
 * running lab, properties, delete) and a note (edit, delete). Every item is an action of
 * {@link DesignerActions}, so it says and does what its menu-bar item does, on the selection (the
 * right-click selected its target).
 *
 * <p>A right-click without a drag opens the menu at the pointer (a right-drag pans); the Menu key and
 * Shift+F10 open the menu for the selection in the middle of the canvas. GTK sends no context-menu
 * request for those keys, so the canvas listens for them itself. A mouse-made context-menu request is
 * left alone: platforms send it on the press or on the release, and the press may start a pan.
 */
final class CanvasContextMenu {
  private static final List<KeyCombination> KEYS =
      List.of(new KeyCodeCombination(KeyCode.CONTEXT_MENU), KeyCombination.keyCombination("Shift+F10"));
  private final CanvasView canvas;
  private final CanvasViewModel vm;
  private final Map<Kind, ContextMenu> menus = new EnumMap<>(Kind.class);
  private final Menu align = new Menu("Align");
  /** The element menu's items that only a guest has (its console, its disk image). */
  private final List<MenuItem> guestOnly = new ArrayList<>();

  private CanvasContextMenu(CanvasView canvas, CanvasViewModel vm, DesignerActions actions) {
    this.canvas = canvas;
    this.vm = vm;
    align.setId("contextAlignMenu");
    align.getItems().setAll(ActionControls.menuItems("context", actions,
        Arrays.stream(Alignment.values()).map(a -> "Align" + a.name()).toArray()));
    menus.put(Kind.CANVAS, menu("canvasMenu", actions, "Paste", "AddNote", SEPARATOR, "SelectAll", SEPARATOR,
        "AutoLayout"));
    SeparatorMenuItem guestLine = new SeparatorMenuItem();
    menus.put(Kind.ELEMENT, menu("elementMenu", actions, "Properties", SEPARATOR, "Copy", "Duplicate", "Delete",
        SEPARATOR, align, guestLine, "Console", "RelinkDisk"));
    List<MenuItem> element = menus.get(Kind.ELEMENT).getItems();
    guestOnly.addAll(List.of(guestLine, element.get(element.size() - 2), element.get(element.size() - 1)));
    menus.put(Kind.WIRE, menu("wireMenu", actions, "CutLink", "RestoreLink", SEPARATOR, "Properties", SEPARATOR,
        "Delete"));
    // Copy and Duplicate take elements only (Clip): a note's menu offers what acts on a note.
    menus.put(Kind.NOTE, menu("noteMenu", actions, "EditNote", SEPARATOR, "Delete"));
  }

  /** Builds the menus and opens them from right-clicks, the Menu key and Shift+F10. */
  static CanvasContextMenu install(CanvasView canvas, CanvasGestures gestures, CanvasViewModel vm,
      DesignerActions actions, CanvasControls controls) {
    CanvasContextMenu m = new CanvasContextMenu(canvas, vm, actions);
    gestures.setOnContextMenu((target, screen) -> {
      // Add Note from the canvas's menu puts the note where the menu was asked for.
      controls.placeNextNote(target.kind() == Kind.CANVAS ? canvas.screenToLocal(screen) : null);
      // Shown once the release has been handled: shown from inside it, under Xvfb with GTK the first
      // menu of a fresh window closed at once (the target was selected, no menu stayed); later ones stayed.
      Platform.runLater(() -> m.open(target, screen));
    });
    // Hiding comes before the chosen item's action runs: the point is dropped only after it.
    m.menus.get(Kind.CANVAS).setOnHidden(e -> Platform.runLater(() -> controls.placeNextNote(null)));
    canvas.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
      if (e.isKeyboardTrigger()) {
        m.openForSelection();
        e.consume();
      }
    });
    canvas.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      if (KEYS.stream().anyMatch(k -> k.match(e))) {
        m.openForSelection();
        e.consume();
      }
    });
    return m;
  }

  private static ContextMenu menu(String id, DesignerActions actions, Object... entries) {
    ContextMenu menu = new ContextMenu();
    menu.setId(id);
    menu.getItems().setAll(ActionControls.menuItems("context", actions, entries));
    return menu;
  }

  /** The menu for what was right-clicked, at the pointer; any other open one closes. */
  void open(ContextTarget target, Point2D screen) {
    menus.values().forEach(ContextMenu::hide);
    boolean guest = target.kind() == Kind.ELEMENT && vm.topology().element(target.id()).orElse(null) instanceof Guest;
    guestOnly.forEach(i -> i.setVisible(guest));
    align.setVisible(vm.selection().ids().size() > 1);
    menus.get(target.kind()).show(canvas, screen.getX(), screen.getY());
  }

  /** From the keyboard: the menu for the selection (an element first, then a wire, a note), in the middle. */
  private void openForSelection() {
    if (menus.values().stream().anyMatch(ContextMenu::isShowing)) {
      return;
    }
    var t = vm.topology();
    List<String> ids = List.copyOf(vm.selection().ids());
    ContextTarget target = ids.stream().filter(t::contains).findFirst().map(id -> new ContextTarget(Kind.ELEMENT, id))
        .or(() -> ids.stream().filter(id -> t.link(id).isPresent()).findFirst().map(id -> new ContextTarget(Kind.WIRE, id)))
        .or(() -> ids.stream().filter(id -> t.note(id).isPresent()).findFirst().map(id -> new ContextTarget(Kind.NOTE, id)))
        .orElse(ContextTarget.CANVAS);
    Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
    open(target, new Point2D(b.getCenterX(), b.getCenterY()));
  }

  /** Every menu, by the kind of thing it is for. */
  Map<Kind, ContextMenu> menus() {
    return menus;
  }

  /** Every item made from an action, in all the menus (the alignments' submenu too). */
  List<MenuItem> actionItems() {
    List<MenuItem> items = new ArrayList<>();
    for (ContextMenu m : menus.values()) {
      for (MenuItem i : m.getItems()) {
        (i instanceof Menu sub ? sub.getItems() : List.of(i)).stream()
            .filter(x -> ActionControls.actionOf(x) != null).forEach(items::add);
      }
    }
    return items;
  }
}
