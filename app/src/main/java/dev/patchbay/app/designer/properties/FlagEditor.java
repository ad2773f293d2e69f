package dev.patchbay.app.designer.properties;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import org.controlsfx.property.editor.PropertyEditor;

/** An on/off setting (STP, hub mode): each click is one edit. */
public final class FlagEditor implements PropertyEditor<Object> {
  private final CheckBox box = new CheckBox();
  private boolean loading;
  private final InvalidationListener reload;

  public FlagEditor(PropertyItem item) {
    reload = o -> setValue(item.getValue());
    box.setId("prop-" + item.field().name().replace(' ', '-'));
    box.selectedProperty().addListener((o, was, now) -> {
      if (!loading && !now.equals(item.getValue())) {
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
    return box.isSelected();
  }

  @Override
  public void setValue(Object value) {
    loading = true;
    box.setSelected(Boolean.TRUE.equals(value));
    loading = false;
  }
}
