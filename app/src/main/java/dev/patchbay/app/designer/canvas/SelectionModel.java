package dev.patchbay.app.designer.canvas;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/** Which elements and links are selected, by id. The only canvas state the model lacks. */
public final class SelectionModel {
  private final ObservableSet<String> ids = FXCollections.observableSet(new LinkedHashSet<>());
  private final java.util.List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  public ObservableSet<String> ids() {
    return ids;
  }

  /**
   * Runs once after each change of the selection, however many ids it added or removed (the set's
   * own listeners hear each id: selecting 500 nodes is 500 set changes).
   */
  public void addChangeListener(Runnable r) {
    changeListeners.add(r);
  }

  private void changed() {
    changeListeners.forEach(Runnable::run);
  }

  public Set<String> snapshot() {
    return Set.copyOf(new LinkedHashSet<>(ids));
  }

  public void select(String id) {
    if (ids.size() != 1 || !ids.contains(id)) {
      ids.clear();
      ids.add(id);
      changed();
    }
  }

  public void selectAll(Collection<String> all) {
    ids.clear();
    ids.addAll(all);
    changed();
  }

  /** Shift-click: adds or removes one id. */
  public void toggle(String id) {
    if (!ids.remove(id)) {
      ids.add(id);
    }
    changed();
  }

  public void clear() {
    if (!ids.isEmpty()) {
      ids.clear();
      changed();
    }
  }

  public boolean contains(String id) {
    return ids.contains(id);
  }

  public boolean isEmpty() {
    return ids.isEmpty();
  }

  /** Drops ids that no longer name anything (after an undo removed them). */
  public void retain(Collection<String> existing) {
    if (ids.retainAll(Set.copyOf(existing))) {
      changed();
    }
  }
}
