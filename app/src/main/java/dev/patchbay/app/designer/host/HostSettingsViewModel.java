package dev.patchbay.app.designer.host;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.app.designer.properties.RuleFormats;
import dev.patchbay.model.edit.SetHostCommand;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/** The host's forwarding, NAT, proxy ARP and routes; each change is one SetHostCommand. */
public final class HostSettingsViewModel {
  private final DocumentViewModel document;
  private final ReadOnlyLongWrapper refresh = new ReadOnlyLongWrapper();

  public HostSettingsViewModel(DocumentViewModel document) {
    this.document = document;
    document.addChangeListener(this::changed);
    document.addReplaceListener(t -> bump());
  }

  private void changed(TopologyChange c) {
    if (c instanceof TopologyChange.HostChanged || c instanceof TopologyChange.ElementAdded
        || c instanceof TopologyChange.ElementRemoved || c instanceof TopologyChange.ElementReplaced) {
      bump();
    }
  }

  private void bump() {
    refresh.set(refresh.get() + 1);
  }

  public HostSettings host() {
    return document.topology().host();
  }

  /** Ids of the host's interfaces (uplinks, bridges, taps): what NAT, proxy ARP and routes name. */
  public List<String> interfaceIds() {
    return document.topology().elements().stream().filter(Element::isHostInterface).map(Element::id).toList();
  }

  /**
   * The host interfaces whose id or name contains {@code filter} (ignoring case), all of them for a
   * blank filter: the Host tab's proxy-ARP list shows these.
   */
  public List<String> interfaceIds(String filter) {
    String f = filter == null ? "" : filter.trim().toLowerCase(java.util.Locale.ROOT);
    return document.topology().elements().stream().filter(Element::isHostInterface)
        .filter(e -> f.isEmpty() || e.id().toLowerCase(java.util.Locale.ROOT).contains(f)
            || e.name() != null && e.name().toLowerCase(java.util.Locale.ROOT).contains(f))
        .map(Element::id).toList();
  }

  public void setIpForward(boolean on) {
    if (host().ipForward() != on) {
      document.push(new SetHostCommand(host().withIpForward(on), (on ? "Enable" : "Disable") + " ip_forward"));
    }
  }

  public void setProxyArp(String id, boolean on) {
    List<String> ids = new ArrayList<>(host().proxyArp());
    boolean changed = on ? !ids.contains(id) && ids.add(id) : ids.remove(id);
    if (changed) {
      document.push(new SetHostCommand(host().withProxyArp(ids), (on ? "Enable" : "Disable") + " proxy ARP on " + id));
    }
  }

  public List<String> natLines() {
    return host().nat().stream().map(RuleFormats::format).toList();
  }

  public List<String> routeLines() {
    return host().routes().stream().map(RuleFormats::format).toList();
  }

  /** Replaces the NAT rules from their text; the first bad line's problem when any is bad. */
  public Optional<String> setNat(List<String> lines) {
    return parseAll(lines, RuleFormats::nat).map(rules -> {
      if (!rules.equals(host().nat())) {
        document.push(new SetHostCommand(host().withNat(rules), "Edit NAT rules"));
      }
      return Optional.<String>empty();
    }).orElseGet(() -> firstProblem(lines, RuleFormats::nat));
  }

  public Optional<String> setRoutes(List<String> lines) {
    return parseAll(lines, RuleFormats::route).map(rules -> {
      if (!rules.equals(host().routes())) {
        document.push(new SetHostCommand(host().withRoutes(rules), "Edit host routes"));
      }
      return Optional.<String>empty();
    }).orElseGet(() -> firstProblem(lines, RuleFormats::route));
  }

  private static <T> Optional<List<T>> parseAll(List<String> lines, Function<String, RuleFormats.Parsed<T>> parse) {
    List<T> out = new ArrayList<>();
    for (String line : lines) {
      RuleFormats.Parsed<T> p = parse.apply(line);
      if (!p.ok()) {
        return Optional.empty();
      }
      out.add(p.value());
    }
    return Optional.of(out);
  }

  private static <T> Optional<String> firstProblem(List<String> lines, Function<String, RuleFormats.Parsed<T>> parse) {
    return lines.stream().map(parse).filter(p -> !p.ok()).map(RuleFormats.Parsed::problem).findFirst();
  }

  public ReadOnlyLongProperty refreshProperty() {
    return refresh.getReadOnlyProperty();
  }
}
