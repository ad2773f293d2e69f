package dev.patchbay.app.designer.canvas.gesture;

import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.canvas.NodeView;
import dev.patchbay.model.topology.Endpoint;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.shape.Line;

/**
 * Dragging a wire out of a port. While it runs, only ports that {@code Wiring.refuse} accepts light
 * up, and over a port that refuses it a callout there says why; the release on a port pushes one
 * connect command or puts the refusal in the status bar.
 */
public final class WireGesture implements Gesture {
  private final CanvasView canvas;
  private final CanvasViewModel vm;
  private final Endpoint from;
  private final Line rubber = new Line();

  public WireGesture(CanvasView canvas, CanvasViewModel vm, Endpoint from, Point2D anchor) {
    this.canvas = canvas;
    this.vm = vm;
    this.from = from;
    rubber.getStyleClass().add("rubber-wire");
    rubber.setStartX(anchor.getX());
    rubber.setStartY(anchor.getY());
    rubber.setEndX(anchor.getX());
    rubber.setEndY(anchor.getY());
    rubber.setMouseTransparent(true);
    canvas.overlay().getChildren().add(rubber);
    for (NodeView n : canvas.nodes()) {
      n.showWireTargets(n.endpoints().stream().filter(e -> vm.refuse(from, e).isEmpty()).toList());
    }
    vm.statusProperty().set("Linking " + from + ": drop on a highlighted port (Escape cancels)");
  }

  @Override
  public void drag(Point2D at, Point2D screen) {
    rubber.setEndX(at.getX());
    rubber.setEndY(at.getY());
    Optional<Endpoint> over = canvas.endpointAt(at);
    Optional<String> why = over.flatMap(e -> vm.wireRefusal(from, e));
    if (why.isPresent()) {
      canvas.showWireRefusal(over.get(), why.get());
    } else {
      canvas.hideWireRefusal();
    }
  }

  @Override
  public void release(Point2D at, Point2D screen) {
    clear();
    Optional<Endpoint> target = canvas.endpointAt(at);
    if (target.isEmpty()) {
      vm.statusProperty().set("No link: the wire was not dropped on a port");
      return;
    }
    vm.connect(from, target.get());
  }

  @Override
  public void cancel() {
    clear();
    vm.statusProperty().set("Linking cancelled");
  }

  private void clear() {
    canvas.overlay().getChildren().remove(rubber);
    canvas.hideWireRefusal();
    canvas.nodes().forEach(NodeView::clearWireTargets);
  }
}
