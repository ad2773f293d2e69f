package dev.patchbay.app.designer;

import dev.patchbay.app.designer.canvas.NodeGeometry;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Keys that are not menu accelerators: arrows nudge the selection (shift: a grid step), Escape
 * cancels the gesture under way. Ignored while a text field or list has the keyboard.
 */
final class KeyBindings {
  private static final double NUDGE = 1;
  private final DesignerWindow window;

  KeyBindings(DesignerWindow window) {
    this.window = window;
  }

  void install(Scene scene) {
    scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        window.canvas().cancelGesture();
        window.palette().cancelGesture();
      }
    });
    scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      if (typing(scene.getFocusOwner())) {
        return;
      }
      double step = e.isShiftDown() ? NodeGeometry.GRID : NUDGE;
      switch (e.getCode()) {
        case LEFT -> window.canvasViewModel().nudge(-step, 0);
        case RIGHT -> window.canvasViewModel().nudge(step, 0);
        case UP -> window.canvasViewModel().nudge(0, -step);
        case DOWN -> window.canvasViewModel().nudge(0, step);
        default -> {
          return;
        }
      }
      e.consume();
    });
  }

  private static boolean typing(Node focus) {
    return focus instanceof TextInputControl || focus instanceof ComboBoxBase || focus instanceof ListView;
  }
}
