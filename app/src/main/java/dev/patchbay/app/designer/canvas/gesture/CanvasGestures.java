package dev.patchbay.app.designer.canvas.gesture;

import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.canvas.LinkView;
import dev.patchbay.app.designer.canvas.NodeView;
import dev.patchbay.app.designer.canvas.NoteView;
import dev.patchbay.app.designer.canvas.PortView;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Turns presses on the canvas into gestures: a port starts a wire, a node or a note a move (after
 * selecting it), empty space a marquee, the middle or right button a pan. The wheel zooms around the pointer.
 * Installed by whoever builds an interactive canvas (the designer's window): a canvas drawn for an
 * image has none, and the canvas package needs no gesture to draw.
 */
public final class CanvasGestures {
  private static final double WHEEL_STEP = 1.1;
  private final CanvasView canvas;
  private final CanvasViewModel vm;
  private Gesture current;
  private Runnable onOpenNote = () -> { };
  private java.util.function.Consumer<String> onOpenElement = id -> { };

  public CanvasGestures(CanvasView canvas, CanvasViewModel vm) {
    this.canvas = canvas;
    this.vm = vm;
  }

  public void install() {
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
      if (current != null) {
        current.drag(canvasPoint(e), localPoint(e));
      }
    });
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
      if (current != null) {
        Gesture g = current;
        current = null;
        g.release(canvasPoint(e), localPoint(e));
      }
    });
    canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
      if (e.getDeltaY() != 0) {
        canvas.zoomBy(e.getDeltaY() > 0 ? WHEEL_STEP : 1 / WHEEL_STEP, canvas.sceneToLocal(e.getSceneX(), e.getSceneY()));
        e.consume();
      }
    });
    canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
          && ancestor(e.getPickResult().getIntersectedNode(), NoteView.class) != null) {
        onOpenNote.run();
      } else if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
        NodeView node = ancestor(e.getPickResult().getIntersectedNode(), NodeView.class);
        if (node != null) {
          onOpenElement.accept(node.element().id());
        }
      }
    });
    canvas.setOnCancelGesture(this::cancel);
  }

  /** What a double-click on a note does (the press before it selected the note): edit its text. */
  public void setOnOpenNote(Runnable r) {
    onOpenNote = r;
  }

  /** What a double-click on an element does (the press before it selected it); a live guest opens its console. */
  public void setOnOpenElement(java.util.function.Consumer<String> c) {
    onOpenElement = c;
  }

  /** Escape: the running gesture undoes what it showed and pushes nothing. */
  void cancel() {
    if (current != null) {
      Gesture g = current;
      current = null;
      g.cancel();
    }
  }

  private void pressed(MouseEvent e) {
    canvas.requestFocus();
    cancel();
    Point2D at = canvasPoint(e);
    if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY) {
      current = new PanGesture(canvas, localPoint(e));
      return;
    }
    Node target = e.getPickResult().getIntersectedNode();
    PortView port = ancestor(target, PortView.class);
    NodeView node = ancestor(target, NodeView.class);
    LinkView link = ancestor(target, LinkView.class);
    NoteView note = ancestor(target, NoteView.class);
    if (note != null) {
      current = new MoveGesture(canvas, vm, selectFor(note.note().id(), e.isShiftDown()), at);
    } else if (port != null && node != null) {
      current = new WireGesture(canvas, vm, port.endpoint(), node.anchor(port.endpoint()));
    } else if (node != null) {
      current = new MoveGesture(canvas, vm, selectFor(node.element().id(), e.isShiftDown()), at);
    } else if (link != null) {
      selectFor(link.link().id(), e.isShiftDown());
    } else {
      current = new MarqueeGesture(canvas, vm, at, e.isShiftDown());
    }
  }

  /** Click semantics: shift toggles; a plain click on an unselected item selects only it. */
  private java.util.Set<String> selectFor(String id, boolean shift) {
    if (shift) {
      vm.selection().toggle(id);
    } else if (!vm.selection().contains(id)) {
      vm.selection().select(id);
    }
    return vm.selection().snapshot();
  }

  private static <T> T ancestor(Node n, Class<T> type) {
    for (Node x = n; x != null; x = x.getParent()) {
      if (type.isInstance(x)) {
        return type.cast(x);
      }
    }
    return null;
  }

  private Point2D localPoint(MouseEvent e) {
    return canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
  }

  private Point2D canvasPoint(MouseEvent e) {
    return canvas.toCanvas(localPoint(e));
  }
}
