package dev.patchbay.app.designer.canvas;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first enters its node. Each Tooltip is a popup window with a
 * scene of its own: made up front for every port and address of a 2,000-element design they were
 * ~45% of the time its nodes took to make, and most are never shown.
 */
final class LazyTooltip {
  private LazyTooltip() {}

  static void install(Node node, Supplier<String> text) {
    EventHandler<MouseEvent> first = new EventHandler<>() {
      @Override
      public void handle(MouseEvent e) {
        node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
        // Installed before the events that follow: the tooltip's own handler starts its timer on them.
        Tooltip.install(node, new Tooltip(text.get()));
      }
    };
    node.addEventHandler(MouseEvent.MOUSE_ENTERED, first);
  }
}
