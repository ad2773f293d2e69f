package dev.patchbay.app.designer.host;

import dev.patchbay.app.designer.properties.RuleFormats;
import dev.patchbay.app.designer.properties.RuleListEditor;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;

/** The host's kernel settings: ip_forward, NAT (masquerade) rules, proxy ARP and routes. */
public final class HostSettingsView extends VBox {
  private final HostSettingsViewModel vm;
  private final CheckBox forward = new CheckBox("Forward IPv4 between interfaces (net.ipv4.ip_forward=1)");
  private final ProxyArpList proxyArp;
  private final RuleListEditor nat;
  private final RuleListEditor routes;
  private boolean loading;

  public HostSettingsView(HostSettingsViewModel vm) {
    this.vm = vm;
    setId("hostSettings");
    getStyleClass().add("side-panel");
    setSpacing(8);
    proxyArp = new ProxyArpList(vm);
    ValidationSupport validation = new ValidationSupport();
    forward.setId("ipForward");
    forward.setWrapText(true);
    forward.selectedProperty().addListener((o, was, now) -> {
      if (!loading) {
        vm.setIpForward(now);
      }
    });
    nat = new RuleListEditor("nat", "192.168.0.0/24 -> eth0",
        line -> Optional.ofNullable(RuleFormats.nat(line).problem()), vm::setNat, validation);
    routes = new RuleListEditor("route", "192.168.1.10 dev tap1",
        line -> Optional.ofNullable(RuleFormats.route(line).problem()), vm::setRoutes, validation);
    getChildren().addAll(title("Host"), forward, title("NAT (masquerade: source -> out interface id)"), nat,
        title("Proxy ARP"), proxyArp, title("Routes"), routes);
    vm.refreshProperty().addListener(o -> load());
    load();
  }

  private static Label title(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("panel-title");
    return l;
  }

  private void load() {
    loading = true;
    forward.setSelected(vm.host().ipForward());
    nat.setLines(vm.natLines());
    routes.setLines(vm.routeLines());
    proxyArp.load();
    loading = false;
  }
}
