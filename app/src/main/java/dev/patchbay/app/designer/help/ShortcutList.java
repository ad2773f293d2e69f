package dev.patchbay.app.designer.help;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.scene.input.KeyCombination;

/**
 * Help > Keyboard Shortcuts: one row per action that has a key, read from the actions themselves,
 * so the list shows what the keys do today and cannot go stale.
 */
public final class ShortcutList {
  /** One key: what the action is called, and the key as this platform writes it ("Ctrl+D"). */
  public record Row(String action, String keys) {}

  /** What the list needs of an action: its name and key (the designer's UserAction gives both). */
  public interface Keyed {
    String name();

    Optional<KeyCombination> accelerator();
  }

  private ShortcutList() {}

  public static List<Row> of(Collection<? extends Keyed> actions) {
    List<Row> rows = new ArrayList<>();
    for (Keyed a : actions) {
      a.accelerator().ifPresent(k -> rows.add(new Row(a.name(), k.getDisplayText())));
    }
    return rows;
  }
}
