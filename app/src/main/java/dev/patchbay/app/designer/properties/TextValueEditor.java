package dev.patchbay.app.designer.properties;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.controlsfx.property.editor.PropertyEditor;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Names, interface names, CIDRs, addresses and numbers: checked on every keystroke (what is wrong
 * is written under the field, in words), committed on Enter or when focus leaves, so one edit is
 * one command. Enter on a value the checks refuse says that it was not applied, and the typing
 * stays in the field to be corrected.
 */
public class TextValueEditor implements PropertyEditor<Object> {
  /** The field's message after Enter was refused, until the next keystroke. */
  static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
  protected final PropertyItem item;
  protected final TextField field = new TextField();
  private final Label problem = new Label();
  private final InvalidationListener reload = o -> reloadUnlessEdited();
  private VBox editor;
  /** True while the text holds typing not yet committed; only then may losing focus commit it. */
  private boolean edited;
  private boolean loading;

  public TextValueEditor(PropertyItem item, ValidationSupport validation) {
    this.item = item;
    String id = item.field().name().replace(' ', '-');
    field.setId("prop-" + id);
    problem.setId("problem-" + id);
    problem.getStyleClass().add("field-problem");
    problem.setWrapText(true);
    problem.managedProperty().bind(problem.visibleProperty());
    problem.setVisible(false);
    validation.registerValidator(field, false, (c, v) -> {
      var found = item.viewModel().problem(item.field(), (String) v);
      return ValidationResult.fromErrorIf(c, found.orElse(""), found.isPresent());
    });
    field.textProperty().addListener((o, was, now) -> {
      edited |= !loading;
      showProblem(item.viewModel().problem(item.field(), now).orElse(null), false);
    });
    field.setOnAction(e -> enter());
    field.focusedProperty().addListener((o, was, now) -> {
      if (!now) {
        commit();
      }
    });
    item.viewModel().refreshProperty().addListener(new WeakInvalidationListener(reload));
  }

  /** Enter: commits a good value; a refused one is not applied, and the message under the field says so. */
  private void enter() {
    String text = field.getText() == null ? "" : field.getText();
    var refusal = item.viewModel().refusal(item.field(), text);
    if (refusal.isPresent()) {
      showProblem(refusal.get(), true);
      field.requestFocus();
      return;
    }
    commit();
  }

  private void showProblem(String text, boolean refused) {
    problem.setText(text == null ? "" : text);
    problem.setVisible(text != null);
    problem.pseudoClassStateChanged(REFUSED, refused);
    field.pseudoClassStateChanged(REFUSED, refused);
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

  /** What sits above the message: the field, or the field with its buttons. */
  protected Node control() {
    return field;
  }

  @Override
  public final Node getEditor() {
    if (editor == null) {
      editor = new VBox(2, control(), problem);
    }
    return editor;
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
