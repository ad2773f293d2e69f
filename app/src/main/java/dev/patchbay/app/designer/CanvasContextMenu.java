package dev.patchbay.app.designer;

import static dev.patchbay.app.designer.ActionControls.SEPARATOR;

import dev.patchbay.app.designer.canvas.Alignment;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The canvas's context menu: the Edit and Arrange actions on the selection. It opens from the
 * keyboard only (the Menu key, Shift+F10), since a press of the right button starts a pan. GTK
 * sends no context-menu request for those keys, so the canvas listens for them itself.
 */
final class CanvasContextMenu {
  private static final List<KeyCombination> KEYS =
      List.of(new KeyCodeCombination(KeyCode.CONTEXT_MENU), KeyCombination.keyCombination("Shift+F10"));

  private CanvasContextMenu() {}

  static ContextMenu install(Node canvas, DesignerActions actions) {
    List<Object> entries = new ArrayList<>(List.of("Copy", "Paste", "Duplicate", "Delete", SEPARATOR,
        "AddNote", "EditNote", SEPARATOR, "SelectAll", SEPARATOR, "RelinkDisk", SEPARATOR, "AutoLayout"));
    for (Alignment a : Alignment.values()) {
      entries.add("Align" + a.name());
    }
    ContextMenu menu = new ContextMenu();
    menu.setId("canvasMenu");
    menu.getItems().setAll(ActionControls.menuItems("context", actions, entries.toArray()));
    canvas.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
      if (e.isKeyboardTrigger()) {
        showInTheMiddle(menu, canvas);
        e.consume();
      }
    });
    canvas.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      if (KEYS.stream().anyMatch(k -> k.match(e))) {
        showInTheMiddle(menu, canvas);
        e.consume();
      }
    });
    return menu;
  }

  private static void showInTheMiddle(ContextMenu menu, Node canvas) {
    if (!menu.isShowing()) {
      Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
      menu.show(canvas, b.getCenterX(), b.getCenterY());
    }
  }
}
