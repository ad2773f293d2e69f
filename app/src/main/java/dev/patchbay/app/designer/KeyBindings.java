package dev.patchbay.app.designer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The keys of actions that no menu item carries (menu items install their own shortcuts). Some
 * act whatever has the keyboard, before any control sees the key: Escape cancels the gesture under
 * way. The others are canvas keys, ignored while a text field or a list has the keyboard: the
 * arrows nudge the selection, and their key is used up even when nothing is selected, so that it
 * does not move the focus.
 */
final class KeyBindings {
  private final Map<KeyCombination, UserAction> anywhere = new LinkedHashMap<>();
  private final Map<KeyCombination, UserAction> onCanvas = new LinkedHashMap<>();

  KeyBindings(List<UserAction> anywhere, List<UserAction> onCanvas) {
    anywhere.forEach(a -> bind(this.anywhere, a));
    onCanvas.forEach(a -> bind(this.onCanvas, a));
  }

  private void bind(Map<KeyCombination, UserAction> keys, UserAction a) {
    KeyCombination k = a.accelerator().orElseThrow(() -> new IllegalArgumentException(a.id() + " has no key"));
    if (anywhere.containsKey(k) || onCanvas.containsKey(k)) {
      throw new IllegalArgumentException(k.getName() + " is bound twice");
    }
    keys.put(k, a);
  }

  void install(Scene scene) {
    scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> find(anywhere, e).ifPresent(UserAction::perform));
    scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      if (typing(scene.getFocusOwner())) {
        return;
      }
      find(onCanvas, e).ifPresent(a -> {
        a.perform();
        e.consume();
      });
    });
  }

  /** Every key bound here, and the action it performs. */
  Map<KeyCombination, UserAction> keyMap() {
    Map<KeyCombination, UserAction> all = new LinkedHashMap<>(anywhere);
    all.putAll(onCanvas);
    return Collections.unmodifiableMap(all);
  }

  private static Optional<UserAction> find(Map<KeyCombination, UserAction> keys, KeyEvent e) {
    return keys.entrySet().stream().filter(k -> k.getKey().match(e)).map(Map.Entry::getValue).findFirst();
  }

  private static boolean typing(Node focus) {
    return focus instanceof TextInputControl || focus instanceof ComboBoxBase || focus instanceof ListView;
  }
}
