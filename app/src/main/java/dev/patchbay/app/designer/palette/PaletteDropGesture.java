package dev.patchbay.app.designer.palette;

import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.canvas.Icons;
import dev.patchbay.app.designer.canvas.NodeGeometry;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Point;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.layout.Pane;

/**
 * Dragging a kind from the palette: a ghost icon follows the pointer; releasing over the canvas
 * adds the element there (one command), releasing anywhere else adds nothing.
 */
final class PaletteDropGesture {
  private final ElementKind kind;
  private final CanvasView canvas;
  private final CanvasViewModel vm;
  private final Pane dragLayer;
  private final Group ghost;

  PaletteDropGesture(ElementKind kind, CanvasView canvas, CanvasViewModel vm, Pane dragLayer) {
    this.kind = kind;
    this.canvas = canvas;
    this.vm = vm;
    this.dragLayer = dragLayer;
    this.ghost = Icons.node(kind, 32);
    ghost.setOpacity(0.7);
    ghost.setMouseTransparent(true);
    dragLayer.getChildren().add(ghost);
    ghost.setVisible(false);
  }

  void drag(double sceneX, double sceneY) {
    Point2D p = dragLayer.sceneToLocal(sceneX, sceneY);
    ghost.setVisible(true);
    ghost.relocate(p.getX() - 16, p.getY() - 16);
  }

  /** True when the drop landed on the canvas and created an element. */
  boolean release(double sceneX, double sceneY) {
    dragLayer.getChildren().remove(ghost);
    Point2D local = canvas.sceneToLocal(sceneX, sceneY);
    Bounds b = canvas.getLayoutBounds();
    if (local == null || !b.contains(local)) {
      return false;
    }
    Point2D at = canvas.toCanvas(local);
    double halfW = kind == ElementKind.GUEST ? NodeGeometry.GUEST_WIDTH / 2 : NodeGeometry.DEVICE_WIDTH / 2;
    vm.addElement(kind, new Point(at.getX() - halfW, at.getY() - NodeGeometry.DEVICE_HEIGHT / 2));
    return true;
  }

  void cancel() {
    dragLayer.getChildren().remove(ghost);
  }
}
