package dev.patchbay.app.designer.properties;

import dev.patchbay.model.topology.NicModel;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** The card QEMU emulates, by its product name. */
public final class NicModelEditor extends BoundEditor<NicModel> {
  private final ComboBox<NicModel> box = new ComboBox<>();

  public NicModelEditor(PropertyItem item) {
    super(item);
    box.getItems().setAll(NicModel.values());
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
    bind(box, box.valueProperty());
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
  protected void show(Object value) {
    box.setValue((NicModel) value);
  }
}
