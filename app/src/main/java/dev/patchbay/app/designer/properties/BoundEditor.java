package dev.patchbay.app.designer.properties;

import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * An editor whose control commits as soon as the user picks a value: it reloads when the view model
 * refreshes (an undo, another selection), and does not echo its own reloads back as edits.
 */
abstract class BoundEditor<V> implements PropertyEditor<Object> {
  private final PropertyItem item;
  /** Held here: the view model keeps only a weak reference. */
  private final InvalidationListener reload = o -> setValue(itemValue());
  private boolean loading;

  protected BoundEditor(PropertyItem item) {
    this.item = item;
  }

  private Object itemValue() {
    return item.getValue();
  }

  /** Wires the control once it exists: its id, its commits, and reloads on refresh. */
  protected final void bind(Node control, ObservableValue<V> chosen) {
    control.setId("prop-" + item.field().name().replace(' ', '-'));
    chosen.addListener((o, was, now) -> {
      if (!loading && now != null && !Objects.equals(now, item.getValue())) {
        item.setValue(now);
      }
    });
    item.viewModel().refreshProperty().addListener(new WeakInvalidationListener(reload));
  }

  @Override
  public final void setValue(Object value) {
    loading = true;
    try {
      show(value);
    } finally {
      loading = false;
    }
  }

  /** Puts a value into the control without it counting as an edit. */
  protected abstract void show(Object value);
}
