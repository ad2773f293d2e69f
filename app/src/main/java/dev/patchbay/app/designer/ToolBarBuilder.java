package dev.patchbay.app.designer;

import javafx.scene.Node;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;

/** The buttons for what people do most: files, undo, delete, zoom and snap. */
final class ToolBarBuilder {
  private static final String SEPARATOR = ActionControls.SEPARATOR;

  private ToolBarBuilder() {}

  static ToolBar build(DesignerActions actions) {
    ToolBar bar = new ToolBar();
    for (String id : new String[] {"New", "Open", "Save", SEPARATOR, "Undo", "Redo", "Delete", SEPARATOR,
        "ZoomIn", "ZoomOut", "Fit", "Snap"}) {
      Node n = id.equals(SEPARATOR) ? new Separator() : ActionControls.button(actions.get(id));
      bar.getItems().add(n);
    }
    bar.setId("toolBar");
    return bar;
  }
}
