package dev.patchbay.app.designer.canvas;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/** Which elements and links are selected, by id. The only canvas state the model lacks. */
public final class SelectionModel {
  private final ObservableSet<String> ids = FXCollections.observableSet(new LinkedHashSet<>());

  public ObservableSet<String> ids() {
    return ids;
  }

  public Set<String> snapshot() {
    return Set.copyOf(new LinkedHashSet<>(ids));
  }

  public void select(String id) {
    if (ids.size() != 1 || !ids.contains(id)) {
      ids.clear();
      ids.add(id);
    }
  }

  public void selectAll(Collection<String> all) {
    ids.clear();
    ids.addAll(all);
  }

  /** Shift-click: adds or removes one id. */
  public void toggle(String id) {
    if (!ids.remove(id)) {
      ids.add(id);
    }
  }

  public void clear() {
    ids.clear();
  }

  public boolean contains(String id) {
    return ids.contains(id);
  }

  public boolean isEmpty() {
    return ids.isEmpty();
  }

  /** Drops ids that no longer name anything (after an undo removed them). */
  public void retain(Collection<String> existing) {
    ids.retainAll(Set.copyOf(existing));
  }
}
