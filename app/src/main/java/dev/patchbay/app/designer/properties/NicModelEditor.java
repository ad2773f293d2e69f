package dev.patchbay.app.designer.properties;

import dev.patchbay.model.topology.NicModel;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import org.controlsfx.property.editor.PropertyEditor;

/** The card QEMU emulates, by its product name. */
public final class NicModelEditor implements PropertyEditor<Object> {
  private final ComboBox<NicModel> box = new ComboBox<>();
  private boolean loading;
  private final InvalidationListener reload;

  public NicModelEditor(PropertyItem item) {
    reload = o -> setValue(item.getValue());
    box.getItems().setAll(NicModel.values());
    box.setId("prop-" + item.field().name().replace(' ', '-'));
    box.setMaxWidth(Double.MAX_VALUE);
    box.setConverter(new StringConverter<>() {
      @Override
      public String toString(NicModel m) {
        return m == null ? "" : m.label() + " (" + m.qemuName() + ")";
      }

      @Override
      public NicModel fromString(String s) {
        return null;
      }
    });
    box.valueProperty().addListener((o, was, now) -> {
      if (!loading && now != null && now != item.getValue()) {
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
    box.setValue((NicModel) value);
    loading = false;
  }
}
