package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Validator;
import dev.patchbay.model.disk.DiskImages;
import java.util.List;

/**
 * The standard catalogue: every rule, in the order their findings are listed. It lives beside the
 * rules, so a new rule is added in this package alone and the check package, which runs rules,
 * knows none of them.
 */
public final class StandardRules {
  private StandardRules() {}

  /** A validator of the full catalogue. */
  public static Validator validator() {
    return new Validator(List.of(new WiringRule(), new HubRule(), new NicRule(), new MacRule(), new TapRule(),
        new InterfaceNameRule(), new LoopRule(), new SocketRule(), new BridgeRule(), new UplinkRule(), new LanRule(),
        new AddressRule(), new SegmentAddressRule(), new LanRouterRule(), new SubnetRule(), new ForwardingRule(),
        new ProxyArpRule(), new HostfwdRule(), new UserNetRule(), new SlirpSegmentRule(), new HostPortRule(), new DnsRule(), new QemuValueRule(),
        new ProcessNameRule(), new LabelRule(), new HostSettingRule(), new NotImportedRule()));
  }

  /**
   * The full catalogue plus the disk-image check, which asks the caller what this machine has
   * ({@link DiskImages}): for the CLI and the designer, which know the design's file.
   */
  public static Validator validator(DiskImages images) {
    List<dev.patchbay.model.check.Rule> rules = new java.util.ArrayList<>(validator().rules());
    rules.add(new DiskImageRule(images));
    return new Validator(rules);
  }
}
