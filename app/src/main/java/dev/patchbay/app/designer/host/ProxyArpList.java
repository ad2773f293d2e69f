package dev.patchbay.app.designer.host;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.VBox;

/**
 * Proxy ARP per host interface as a filterable list: a design with hundreds of taps made hundreds of
 * checkboxes; the list draws only the rows in view, and the filter narrows it by id or name.
 */
final class ProxyArpList extends VBox {
  private final HostSettingsViewModel vm;
  private final TextField filter = new TextField();
  private final ListView<String> list = new ListView<>();
  private final Label none = new Label("no host interfaces yet");
  /** Each shown interface's check, set from the design on every load. */
  private final Map<String, BooleanProperty> checks = new HashMap<>();
  private boolean loading;

  ProxyArpList(HostSettingsViewModel vm) {
    super(4);
    this.vm = vm;
    filter.setId("proxyArpFilter");
    filter.setPromptText("Filter interfaces");
    filter.textProperty().addListener(o -> showFiltered());
    list.setId("proxyArpList");
    list.setPrefHeight(160);
    list.setCellFactory(CheckBoxListCell.forListView(this::check));
    getChildren().addAll(filter, list, none);
  }

  /** The design changed: every check is read again from it. */
  void load() {
    loading = true;
    checks.values().forEach(c -> c.set(vm.host().proxyArp().contains(c.getName())));
    loading = false;
    boolean any = !vm.interfaceIds().isEmpty();
    none.setVisible(!any);
    none.setManaged(!any);
    showFiltered();
  }

  private void showFiltered() {
    list.getItems().setAll(vm.interfaceIds(filter.getText()));
  }

  private BooleanProperty check(String id) {
    return checks.computeIfAbsent(id, k -> {
      BooleanProperty p = new SimpleBooleanProperty(null, k, vm.host().proxyArp().contains(k));
      p.addListener((o, was, now) -> {
        if (!loading) {
          vm.setProxyArp(k, now);
        }
      });
      return p;
    });
  }
}
