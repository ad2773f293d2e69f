package dev.patchbay.app.designer.properties;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.validation.ValidationSupport;

/** A MAC field with a "Generate" button that commits a fresh, unique address as one edit. */
public final class MacEditor extends TextValueEditor {
  private final HBox box;

  public MacEditor(PropertyItem item, ValidationSupport validation) {
    super(item, validation);
    Button generate = new Button("Generate");
    generate.setId("generate-" + item.field().name().replace(' ', '-'));
    generate.setTooltip(new Tooltip("A fresh MAC in QEMU's 52:54:00 range that no other NIC here uses"));
    generate.setOnAction(e -> {
      field.setText(item.viewModel().generateMac());
      commit();
      field.requestFocus();
    });
    HBox.setHgrow(field, Priority.ALWAYS);
    box = new HBox(4, field, generate);
  }

  @Override
  protected Node control() {
    return box;
  }
}
