package dev.patchbay.model.check;

import dev.patchbay.model.check.rules.AddressRule;
import dev.patchbay.model.check.rules.BridgeRule;
import dev.patchbay.model.check.rules.DnsRule;
import dev.patchbay.model.check.rules.ForwardingRule;
import dev.patchbay.model.check.rules.HostfwdRule;
import dev.patchbay.model.check.rules.HostPortRule;
import dev.patchbay.model.check.rules.HostSettingRule;
import dev.patchbay.model.check.rules.HubRule;
import dev.patchbay.model.check.rules.InterfaceNameRule;
import dev.patchbay.model.check.rules.LanRule;
import dev.patchbay.model.check.rules.LoopRule;
import dev.patchbay.model.check.rules.MacRule;
import dev.patchbay.model.check.rules.NicRule;
import dev.patchbay.model.check.rules.ProcessNameRule;
import dev.patchbay.model.check.rules.ProxyArpRule;
import dev.patchbay.model.check.rules.QemuValueRule;
import dev.patchbay.model.check.rules.SegmentAddressRule;
import dev.patchbay.model.check.rules.SocketRule;
import dev.patchbay.model.check.rules.SubnetRule;
import dev.patchbay.model.check.rules.TapRule;
import dev.patchbay.model.check.rules.UplinkRule;
import dev.patchbay.model.check.rules.WiringRule;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every rule over a topology and returns the findings, errors first. */
public final class Validator {
  private final List<Rule> rules;

  public Validator(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The full catalogue. */
  public static Validator standard() {
    return new Validator(List.of(new WiringRule(), new HubRule(), new NicRule(), new MacRule(), new TapRule(),
        new InterfaceNameRule(), new LoopRule(), new SocketRule(), new BridgeRule(), new UplinkRule(), new LanRule(),
        new AddressRule(), new SegmentAddressRule(), new SubnetRule(), new ForwardingRule(), new ProxyArpRule(),
        new HostfwdRule(), new HostPortRule(), new DnsRule(), new QemuValueRule(), new ProcessNameRule(),
        new HostSettingRule()));
  }

  /** Every diagnostic id the rules can report, in rule order. */
  public List<RuleInfo> catalogue() {
    return rules.stream().flatMap(r -> r.catalogue().stream()).toList();
  }

  public java.util.Optional<RuleInfo> explain(String diagnosticId) {
    return catalogue().stream().filter(i -> i.id().equals(diagnosticId)).findFirst();
  }

  public List<Rule> rules() {
    return rules;
  }

  public List<Diagnostic> check(Topology topology) {
    List<Diagnostic> out = new ArrayList<>();
    Analysis design = new Analysis(topology);
    for (Rule r : rules) {
      out.addAll(r.check(design));
    }
    out.sort(Comparator.comparing(Diagnostic::severity));
    return out;
  }

  public static boolean hasErrors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }
}
