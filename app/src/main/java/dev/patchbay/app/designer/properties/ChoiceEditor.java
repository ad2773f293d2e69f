package dev.patchbay.app.designer.properties;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;

/** A fixed set of words (addressing mode, transport, medium): choosing one commits it. */
public final class ChoiceEditor extends BoundEditor<String> {
  private final ComboBox<String> box = new ComboBox<>();

  public ChoiceEditor(PropertyItem item) {
    super(item);
    box.getItems().setAll(item.field().choices());
    box.setMaxWidth(Double.MAX_VALUE);
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
    box.setValue(value == null ? null : value.toString());
  }
}
