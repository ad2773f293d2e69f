package dev.patchbay.app.designer;

import static dev.patchbay.app.designer.ActionControls.SEPARATOR;

import dev.patchbay.app.designer.canvas.Alignment;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.ContextMenuEvent;

/**
 * The canvas's context menu: the Edit and Arrange actions on the selection. It opens from the
 * keyboard (the Menu key, Shift+F10) only: a press of the right button starts a pan.
 */
final class CanvasContextMenu {
  private CanvasContextMenu() {}

  static ContextMenu install(Node canvas, DesignerActions actions) {
    List<Object> entries = new ArrayList<>(List.of("Copy", "Paste", "Duplicate", "Delete", SEPARATOR, "SelectAll",
        SEPARATOR));
    for (Alignment a : Alignment.values()) {
      entries.add("Align" + a.name());
    }
    ContextMenu menu = new ContextMenu();
    menu.setId("canvasMenu");
    menu.getItems().setAll(ActionControls.menuItems("context", actions, entries.toArray()));
    canvas.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
      if (e.isKeyboardTrigger()) {
        menu.show(canvas, e.getScreenX(), e.getScreenY());
        e.consume();
      }
    });
    return menu;
  }
}
