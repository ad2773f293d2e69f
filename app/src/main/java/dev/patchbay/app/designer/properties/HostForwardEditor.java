package dev.patchbay.app.designer.properties;

import dev.patchbay.model.topology.HostForward;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Node;
import org.controlsfx.property.editor.PropertyEditor;
import org.controlsfx.validation.ValidationSupport;

/** A user net's host forwards in QEMU's own syntax (tcp::5022-:22), one per line. */
public final class HostForwardEditor implements PropertyEditor<Object> {
  private final RuleListEditor editor;
  private final PropertyItem item;
  private final InvalidationListener reload = o -> setValue(null);

  public HostForwardEditor(PropertyItem item, ValidationSupport validation) {
    this.item = item;
    this.editor = new RuleListEditor("hostfwd", "tcp::5022-:22",
        line -> Optional.ofNullable(RuleFormats.hostForward(line).problem()), this::store, validation);
    item.viewModel().refreshProperty().addListener(new WeakInvalidationListener(reload));
  }

  private Optional<String> store(List<String> lines) {
    List<HostForward> rules = lines.stream().map(l -> RuleFormats.hostForward(l).value()).toList();
    item.setValue(rules);
    return Optional.empty();
  }

  @Override
  public Node getEditor() {
    return editor;
  }

  @Override
  public Object getValue() {
    return item.getValue();
  }

  @Override
  public void setValue(Object value) {
    editor.setLines(item.hostForwardLines());
  }
}
