package dev.patchbay.app.designer.console;

import javafx.event.EventType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Font;

/**
 * One guest's terminal: the console's text (read-only to the text area itself, so its own keys do
 * not edit it), every key the user presses sent to the guest through {@link ConsoleKeys}, and the
 * selection copied with Ctrl+Shift+C or the context menu's Copy.
 */
final class ConsoleTab extends Tab {
  private final ConsoleViewModel vm;
  private final TextArea area = new TextArea();

  ConsoleTab(ConsoleViewModel vm) {
    super(vm.guest());
    this.vm = vm;
    setId("consoleTab-" + vm.guest());
    area.setId("consoleTerminal");
    area.setEditable(false);
    area.setWrapText(true);
    area.setFont(Font.font("Monospaced", 13));
    area.getStyleClass().add("console-terminal");
    Label status = new Label();
    status.setId("consoleStatus");
    status.textProperty().bind(vm.statusProperty());
    status.setWrapText(true);
    MenuItem copy = new MenuItem("Copy");
    copy.setOnAction(e -> copy());
    area.setContextMenu(new ContextMenu(copy));
    area.addEventFilter(KeyEvent.ANY, this::key);
    vm.textProperty().addListener((o, was, now) -> show(was, now));
    setContent(new BorderPane(area, null, null, status, null));
  }

  void connect() {
    vm.open();
  }

  void close() {
    vm.close();
  }

  TextArea terminal() {
    return area;
  }

  /** Keys go to the guest, not to the text area; Copy and scrolling stay the terminal's own. */
  private void key(KeyEvent e) {
    EventType<KeyEvent> type = e.getEventType();
    if (type == KeyEvent.KEY_PRESSED) {
      if (ConsoleKeys.isCopy(e.getCode(), e.isControlDown(), e.isShiftDown())) {
        copy();
        e.consume();
        return;
      }
      if (e.getCode().isNavigationKey() && e.isShiftDown()) {
        return; // Shift+PageUp/Down and Shift+arrows scroll and select, as in a terminal
      }
      ConsoleKeys.pressed(e.getCode(), e.isControlDown(), e.isShiftDown(), e.isAltDown()).ifPresent(vm::type);
    } else if (type == KeyEvent.KEY_TYPED) {
      ConsoleKeys.typed(e.getCharacter(), e.isControlDown(), e.isAltDown()).ifPresent(vm::type);
    }
    e.consume();
  }

  private void copy() {
    String selected = area.getSelectedText();
    if (!selected.isEmpty()) {
      ClipboardContent c = new ClipboardContent();
      c.putString(selected);
      Clipboard.getSystemClipboard().setContent(c);
    }
  }

  /**
   * Changes only the tail that changed, so a selection above it survives the guest's output; the
   * caret follows the guest's cursor unless the user is selecting.
   */
  private void show(String was, String now) {
    int same = 0;
    int max = Math.min(was.length(), now.length());
    while (same < max && was.charAt(same) == now.charAt(same)) {
      same++;
    }
    boolean selecting = area.getSelection().getLength() > 0;
    if (same == 0 && !was.isEmpty()) {
      area.setText(now); // the scrollback dropped its oldest lines
    } else {
      area.replaceText(same, area.getLength(), now.substring(same));
    }
    if (!selecting) {
      area.positionCaret(Math.min(vm.cursor(), area.getLength()));
      area.setScrollTop(Double.MAX_VALUE);
    }
  }
}
