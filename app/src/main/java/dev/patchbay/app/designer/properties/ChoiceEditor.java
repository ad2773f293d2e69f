package dev.patchbay.app.designer.properties;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import org.controlsfx.property.editor.PropertyEditor;

/** A fixed set of words (addressing mode, transport, medium): choosing one commits it. */
public final class ChoiceEditor implements PropertyEditor<Object> {
  private final ComboBox<String> box = new ComboBox<>();
  private boolean loading;
  private final InvalidationListener reload;

  public ChoiceEditor(PropertyItem item) {
    reload = o -> setValue(item.getValue());
    box.getItems().setAll(item.field().choices());
    box.setId("prop-" + item.field().name().replace(' ', '-'));
    box.setMaxWidth(Double.MAX_VALUE);
    box.valueProperty().addListener((o, was, now) -> {
      if (!loading && now != null && !now.equals(item.getValue())) {
        item.setValue(now);
      }
    });
    item.viewModel().refreshProperty().addListener(new WeakInvalidationListener(reload));
  }

  @Override
  public Node getEditor() {
    return box;
  }

  @Override
  public Object getValue() {
    return box.getValue();
  }

  @Override
  public void setValue(Object value) {
    loading = true;
    box.setValue(value == null ? null : value.toString());
    loading = false;
  }
}
