package dev.patchbay.app.designer.palette;

import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.canvas.Icons;
import dev.patchbay.app.designer.canvas.NodeGeometry;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Point;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/** Every element kind with its icon; drag one onto the canvas, or double-click to add it in view. */
public final class PaletteView extends VBox {
  private final CanvasView canvas;
  private final CanvasViewModel vm;
  private final Pane dragLayer;
  private PaletteDropGesture gesture;

  public PaletteView(CanvasView canvas, CanvasViewModel vm, Pane dragLayer) {
    this.canvas = canvas;
    this.vm = vm;
    this.dragLayer = dragLayer;
    setId("palette");
    getStyleClass().add("palette");
    Label title = new Label("Elements");
    title.getStyleClass().add("panel-title");
    getChildren().add(title);
    for (ElementKind kind : ElementKind.values()) {
      getChildren().add(item(kind));
    }
  }

  private HBox item(ElementKind kind) {
    Label label = new Label(kind.label());
    HBox row = new HBox(10, Icons.node(kind, 22), label);
    row.setId("palette-" + kind.fileName());
    row.getStyleClass().add("palette-item");
    Tooltip tip = new Tooltip(KindHelp.tooltip(kind));
    tip.setWrapText(true);
    tip.setMaxWidth(420);
    Tooltip.install(row, tip);
    row.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
      if (e.getButton() == MouseButton.PRIMARY) {
        gesture = new PaletteDropGesture(kind, canvas, vm, dragLayer);
      }
    });
    row.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
      if (gesture != null) {
        gesture.drag(e.getSceneX(), e.getSceneY());
      }
    });
    row.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
      if (gesture != null) {
        PaletteDropGesture g = gesture;
        gesture = null;
        g.release(e.getSceneX(), e.getSceneY());
      }
    });
    row.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      if (e.getClickCount() == 2) {
        addInView(kind);
      }
    });
    return row;
  }

  /** Escape while dragging from the palette drops nothing. */
  public void cancelGesture() {
    if (gesture != null) {
      gesture.cancel();
      gesture = null;
    }
  }

  private void addInView(ElementKind kind) {
    Point2D c = canvas.toCanvas(new Point2D(canvas.getWidth() / 2, canvas.getHeight() / 2));
    vm.addElement(kind, new Point(c.getX() - NodeGeometry.DEVICE_WIDTH / 2, c.getY() - NodeGeometry.DEVICE_HEIGHT / 2));
  }
}
