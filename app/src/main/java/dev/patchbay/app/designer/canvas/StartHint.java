package dev.patchbay.app.designer.canvas;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What an empty canvas says: the three ways to start. Shown only while the design has no element,
 * in the middle of the view; it takes no clicks or drops, so the canvas under it works as ever.
 */
final class StartHint extends VBox {
  static final String TITLE = "Start a design";

  StartHint() {
    super(6);
    setId("startHint");
    getStyleClass().add("start-hint");
    setAlignment(Pos.CENTER_LEFT);
    setMouseTransparent(true);
    setManaged(false);
    Label title = new Label(TITLE);
    title.getStyleClass().add("start-hint-title");
    getChildren().addAll(title,
        line("Open a sample: File > New (Ctrl+N) lists the scenarios, or File > Open (Ctrl+O) a design"),
        line("Add elements: drag a Guest, Tap, Bridge or Hub from the palette on the left (or double-click it)"),
        line("Wire them: drag from one port (the small circle on a box's edge) to another port"),
        line("Help > Keyboard Shortcuts (F1) lists every key; the palette's tooltips say what each element is in QEMU"));
  }

  private static Label line(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("start-hint-line");
    return l;
  }

  /** Shown while the design has no element; hidden as soon as it has one. */
  void follow(int elements) {
    setVisible(elements == 0);
  }

  /** Sits in the middle of a view of this size (the drawing's pan and zoom do not move it). */
  void centreIn(double width, double height) {
    autosize();
    relocate(Math.max(8, (width - getWidth()) / 2), Math.max(8, (height - getHeight()) / 2));
  }
}
