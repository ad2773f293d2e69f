package dev.patchbay.app.designer.properties;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.controlsfx.property.editor.PropertyEditor;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Names, interface names, CIDRs, addresses and numbers: checked on every keystroke (the field is
 * decorated with the problem), committed on Enter or when focus leaves, so one edit is one command.
 */
public class TextValueEditor implements PropertyEditor<Object> {
  protected final PropertyItem item;
  protected final TextField field = new TextField();
  private final InvalidationListener reload = o -> reloadUnlessEdited();
  /** True while the text holds typing not yet committed; only then may losing focus commit it. */
  private boolean edited;
  private boolean loading;

  public TextValueEditor(PropertyItem item, ValidationSupport validation) {
    this.item = item;
    field.setId("prop-" + item.field().name().replace(' ', '-'));
    validation.registerValidator(field, false, (c, v) -> {
      var problem = item.viewModel().problem(item.field(), (String) v);
      return ValidationResult.fromErrorIf(c, problem.orElse(""), problem.isPresent());
    });
    field.textProperty().addListener((o, was, now) -> edited |= !loading);
    field.setOnAction(e -> commit());
    field.focusedProperty().addListener((o, was, now) -> {
      if (!now) {
        commit();
      }
    });
    item.viewModel().refreshProperty().addListener(new WeakInvalidationListener(reload));
  }

  protected void commit() {
    String text = field.getText() == null ? "" : field.getText();
    if (!edited || item.viewModel().problem(item.field(), text).isPresent()) {
      return;
    }
    edited = false;
    if (!text.equals(shown())) {
      item.setValue(text);
    }
  }

  private String shown() {
    Object v = item.getValue();
    return v == null ? "" : v.toString();
  }

  /** An undo or another view changed the value: show it, unless the user is typing over it. */
  private void reloadUnlessEdited() {
    if (!edited) {
      setValue(item.getValue());
    }
  }

  @Override
  public Node getEditor() {
    return field;
  }

  @Override
  public Object getValue() {
    return field.getText();
  }

  @Override
  public void setValue(Object value) {
    loading = true;
    field.setText(value == null ? "" : value.toString());
    loading = false;
    edited = false;
  }
}
