package dev.patchbay.app.designer.properties;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.controlsfx.validation.ValidationSupport;

/** The selected element's values in a PropertySheet, one editor class per value type. */
public final class PropertiesView extends VBox {
  private final PropertiesViewModel vm;
  private final PropertySheet sheet = new PropertySheet();
  private final ValidationSupport validation = new ValidationSupport();
  private final Label header = new Label();
  private final Label message = new Label();
  private final HBox nicBar = new HBox(6);

  public PropertiesView(PropertiesViewModel vm) {
    this.vm = vm;
    setId("properties");
    getStyleClass().add("side-panel");
    setSpacing(6);
    header.getStyleClass().add("panel-title");
    header.textProperty().bind(vm.headerProperty());
    message.setId("propertiesNotice");
    message.getStyleClass().add("properties-notice");
    message.setWrapText(true);
    message.textProperty().bind(vm.noticeProperty());
    message.visibleProperty().bind(message.textProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty()); // an unmanaged node is still drawn
    sheet.setId("propertySheet");
    sheet.setMode(PropertySheet.Mode.NAME);
    sheet.setModeSwitcherVisible(false);
    sheet.setSearchBoxVisible(false);
    sheet.setPropertyEditorFactory(item -> editorFor((PropertyItem) item));
    VBox.setVgrow(sheet, Priority.ALWAYS);
    getChildren().addAll(header, nicBar, message, sheet);
    vm.fields().addListener((ListChangeListener<PropertyField>) c -> show());
    show();
  }

  /** True while some field holds a value its checks refuse (that value is not committed). */
  public javafx.beans.value.ObservableValue<Boolean> invalidProperty() {
    return validation.invalidProperty();
  }

  private PropertyEditor<?> editorFor(PropertyItem item) {
    return switch (item.field().kind()) {
      case MAC -> new MacEditor(item, validation);
      case CHOICE -> new ChoiceEditor(item);
      case NIC_MODEL -> new NicModelEditor(item);
      case BOOL -> new FlagEditor(item);
      case HOSTFWD -> new HostForwardEditor(item, validation);
      default -> new TextValueEditor(item, validation);
    };
  }

  private void show() {
    Element e = vm.elementProperty().get();
    header.setId("propertiesHeader");
    sheet.getItems().setAll(vm.fields().stream().map(f -> new PropertyItem(f, vm)).toList());
    nicBar.getChildren().clear();
    if (e instanceof Guest g) {
      nicBar.getChildren().addAll(addNicButton(), removeNicButton(g));
    }
  }

  private Button addNicButton() {
    Button add = new Button("Add NIC");
    add.setId("addNic");
    add.setOnAction(ev -> vm.addNic());
    return add;
  }

  private MenuButton removeNicButton(Guest g) {
    MenuButton remove = new MenuButton("Remove NIC");
    remove.setId("removeNic");
    for (Nic n : g.nics()) {
      MenuItem item = new MenuItem(n.name());
      item.setOnAction(ev -> vm.removeNic(n.name()));
      remove.getItems().add(item);
    }
    remove.setDisable(g.nics().isEmpty());
    return remove;
  }
}
