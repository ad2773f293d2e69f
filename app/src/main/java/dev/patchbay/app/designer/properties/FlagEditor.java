package dev.patchbay.app.designer.properties;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;

/** An on/off setting (STP, hub mode): each click is one edit. */
public final class FlagEditor extends BoundEditor<Boolean> {
  private final CheckBox box = new CheckBox();

  public FlagEditor(PropertyItem item) {
    super(item);
    bind(box, box.selectedProperty());
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
  protected void show(Object value) {
    box.setSelected(Boolean.TRUE.equals(value));
  }
}
