package dev.patchbay.app.designer.find;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;

/**
 * The find bar over the canvas (Ctrl+F): a field for a name, address or MAC; Enter goes to the next
 * match, Shift+Enter to the one before, Escape closes the bar. Hidden until asked for.
 */
public final class FindBar extends HBox {
  private final TextField field = new TextField();
  private Runnable onClose = () -> { };

  public FindBar(FindViewModel vm) {
    super(6);
    setId("findBar");
    getStyleClass().add("find-bar");
    setAlignment(Pos.CENTER_LEFT);
    setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    field.setId("findField");
    field.setPromptText("Name, address or MAC");
    field.setPrefColumnCount(18);
    field.textProperty().bindBidirectional(vm.queryProperty());
    field.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) {
        if (e.isShiftDown()) {
          vm.previous();
        } else {
          vm.next();
        }
        e.consume();
      } else if (e.getCode() == KeyCode.ESCAPE) {
        close();
        e.consume();
      }
    });
    Button previous = button("findPrevious", "\u2191", "Previous match (Shift+Enter)", vm::previous);
    Button next = button("findNext", "\u2193", "Next match (Enter)", vm::next);
    Button close = button("findClose", "\u2715", "Close (Escape)", this::close);
    Label status = new Label();
    status.setId("findStatus");
    status.getStyleClass().add("find-status");
    status.textProperty().bind(vm.messageProperty());
    getChildren().addAll(new Label("Find"), field, previous, next, status, close);
    setShown(false);
  }

  private static Button button(String id, String text, String tip, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setTooltip(new javafx.scene.control.Tooltip(tip));
    b.setFocusTraversable(false);
    b.setOnAction(e -> action.run());
    return b;
  }

  /** Shows the bar with its text selected, ready to type over. */
  public void open() {
    setShown(true);
    field.requestFocus();
    field.selectAll();
  }

  /** Hides the bar; {@code then} (the canvas taking the keyboard back) runs after. */
  public void setOnClose(Runnable then) {
    onClose = then;
  }

  public void close() {
    setShown(false);
    onClose.run();
  }

  private void setShown(boolean on) {
    setVisible(on);
    setManaged(on);
  }
}
