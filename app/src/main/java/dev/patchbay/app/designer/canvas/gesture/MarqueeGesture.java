package dev.patchbay.app.designer.canvas.gesture;

import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.canvas.NodeView;
import dev.patchbay.app.designer.canvas.NoteView;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.shape.Rectangle;

/** Dragging on empty canvas: a rectangle; the release selects every node and note it touches. */
public final class MarqueeGesture implements Gesture {
  private final CanvasView canvas;
  private final CanvasViewModel vm;
  private final Point2D start;
  private final boolean additive;
  private final Rectangle rect = new Rectangle();

  public MarqueeGesture(CanvasView canvas, CanvasViewModel vm, Point2D start, boolean additive) {
    this.canvas = canvas;
    this.vm = vm;
    this.start = start;
    this.additive = additive;
    rect.getStyleClass().add("marquee");
    rect.setMouseTransparent(true);
    rect.setX(start.getX());
    rect.setY(start.getY());
    canvas.overlay().getChildren().add(rect);
    if (!additive) {
      vm.selection().clear();
    }
  }

  @Override
  public void drag(Point2D at, Point2D screen) {
    rect.setX(Math.min(start.getX(), at.getX()));
    rect.setY(Math.min(start.getY(), at.getY()));
    rect.setWidth(Math.abs(at.getX() - start.getX()));
    rect.setHeight(Math.abs(at.getY() - start.getY()));
  }

  @Override
  public void release(Point2D at, Point2D screen) {
    drag(at, screen);
    canvas.overlay().getChildren().remove(rect);
    Set<String> hit = new LinkedHashSet<>(additive ? vm.selection().snapshot() : Set.of());
    for (NodeView n : canvas.nodes()) {
      if (rect.getBoundsInParent().intersects(n.getBoundsInParent())) {
        hit.add(n.element().id());
      }
    }
    for (NoteView n : canvas.notes()) {
      if (rect.getBoundsInParent().intersects(n.getBoundsInParent())) {
        hit.add(n.note().id());
      }
    }
    if (rect.getWidth() > 1 || rect.getHeight() > 1) {
      vm.selection().selectAll(hit);
    }
  }

  @Override
  public void cancel() {
    canvas.overlay().getChildren().remove(rect);
  }
}
