package dev.patchbay.app.designer.properties;

import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.NicModel;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/** One row of the PropertySheet: reads from the view model and commits through it. */
public final class PropertyItem implements PropertySheet.Item {
  private final PropertyField field;
  private final PropertiesViewModel vm;

  public PropertyItem(PropertyField field, PropertiesViewModel vm) {
    this.field = field;
    this.vm = vm;
  }

  public PropertyField field() {
    return field;
  }

  public PropertiesViewModel viewModel() {
    return vm;
  }

  @Override
  public Class<?> getType() {
    return switch (field.kind()) {
      case BOOL -> Boolean.class;
      case NIC_MODEL -> NicModel.class;
      case HOSTFWD -> List.class;
      default -> String.class;
    };
  }

  @Override
  public String getCategory() {
    return field.category();
  }

  @Override
  public String getName() {
    return field.name();
  }

  @Override
  public String getDescription() {
    return field.name();
  }

  @Override
  public Object getValue() {
    return vm.value(field);
  }

  @Override
  public void setValue(Object value) {
    vm.commit(field, value);
  }

  @Override
  public Optional<ObservableValue<? extends Object>> getObservableValue() {
    return Optional.empty();
  }

  /** The host forwards as lines, for the list editor. */
  @SuppressWarnings("unchecked")
  List<String> hostForwardLines() {
    Object v = getValue();
    return v == null ? List.of() : ((List<HostForward>) v).stream().map(RuleFormats::format).toList();
  }
}
