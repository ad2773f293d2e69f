package dev.patchbay.app.designer.canvas.gesture;

import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.canvas.LinkView;
import dev.patchbay.app.designer.canvas.NodeView;
import dev.patchbay.app.designer.canvas.NoteView;
import dev.patchbay.app.designer.canvas.PortView;
import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Turns presses on the canvas into gestures: a port starts a wire, a node or a note a move (after
 * selecting it), empty space a marquee, the middle button a pan; the right button pans when dragged
 * and, clicked, selects what it is on and asks for that thing's context menu. The wheel zooms around the pointer.
 * Installed by whoever builds an interactive canvas (the designer's window): a canvas drawn for an
 * image has none, and the canvas package needs no gesture to draw.
 */
public final class CanvasGestures {
  private static final double WHEEL_STEP = 1.1;
  private final CanvasView canvas;
  private final CanvasViewModel vm;
  private Gesture current;
  private Runnable onOpenNote = () -> { };
  private BiConsumer<ContextTarget, Point2D> onContextMenu = (target, screen) -> { };
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

  /** What a right-click without a drag does: show the menu for what it was on, at this screen point. */
  public void setOnContextMenu(BiConsumer<ContextTarget, Point2D> r) {
    onContextMenu = r;
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
    if (e.getButton() == MouseButton.MIDDLE) {
      current = new PanGesture(canvas, localPoint(e));
      return;
    }
    if (e.getButton() == MouseButton.SECONDARY) {
      ContextTarget on = contextTarget(e.getPickResult().getIntersectedNode());
      Point2D screen = new Point2D(e.getScreenX(), e.getScreenY());
      current = new RightButtonGesture(canvas, localPoint(e), () -> contextClick(on, screen));
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
      current = new WireGesture(canvas, vm, port.endpoint(), node.centre(port));
    } else if (node != null) {
      current = new MoveGesture(canvas, vm, selectFor(node.element().id(), e.isShiftDown()), at);
    } else if (link != null) {
      selectFor(link.link().id(), e.isShiftDown());
    } else {
      current = new MarqueeGesture(canvas, vm, at, e.isShiftDown());
    }
  }

  private static ContextTarget contextTarget(Node target) {
    NoteView note = ancestor(target, NoteView.class);
    NodeView node = ancestor(target, NodeView.class);
    LinkView link = ancestor(target, LinkView.class);
    if (note != null) {
      return new ContextTarget(ContextTarget.Kind.NOTE, note.note().id());
    } else if (node != null) {
      return new ContextTarget(ContextTarget.Kind.ELEMENT, node.element().id());
    } else if (link != null) {
      return new ContextTarget(ContextTarget.Kind.WIRE, link.link().id());
    }
    return ContextTarget.CANVAS;
  }

  /** The menu acts on the selection: a thing right-clicked outside it becomes the selection first. */
  private void contextClick(ContextTarget on, Point2D screen) {
    if (on.id() != null && !vm.selection().contains(on.id())) {
      vm.selection().select(on.id());
    }
    onContextMenu.accept(on, screen);
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
