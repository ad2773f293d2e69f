package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.edit.ReplaceElementCommand;
import dev.patchbay.model.net.InterfaceName;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import dev.patchbay.model.topology.Uplink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Host interface names (taps, bridges, uplinks) obey the kernel's rules and are unique. */
public final class InterfaceNameRule implements Rule {
  static final RuleInfo TOO_LONG = new RuleInfo("ifname.too-long", Severity.ERROR,
      "The kernel keeps interface names in IFNAMSIZ = 16 bytes with the terminating NUL: at most 15 bytes."
          + " ip tuntap add refuses a longer name.");
  static final RuleInfo INVALID = new RuleInfo("ifname.invalid", Severity.ERROR,
      "The kernel refuses interface names that are empty, \".\" or \"..\", or contain '/', ':' or whitespace.");
  static final RuleInfo UNSAFE = new RuleInfo("ifname.unsafe", Severity.ERROR,
      "The kernel would take this name, but characters beyond letters, digits, '-', '_' and '.' break scripts,"
          + " nft rulesets and QEMU's ifname= option, and Patchbay refuses to create, enslave or name such an"
          + " interface when the lab goes up.");
  static final RuleInfo DUPLICATE = new RuleInfo("ifname.duplicate", Severity.ERROR,
      "Interface names are unique in the host: the second tap or bridge with a name cannot be created.");

  @Override
  public String id() {
    return "ifname";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(TOO_LONG, INVALID, UNSAFE, DUPLICATE);
  }

  /** Interface names are the kernel's names: their length and uniqueness are the findings. */
  @Override
  public boolean decidesByName() {
    return true;
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesOnly(c, Set.of(Tap.class, Bridge.class, Uplink.class));
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Element> names = new LinkedHashMap<>();
    for (Element e : t.elements()) {
      if (!e.isHostInterface()) {
        continue;
      }
      String name = e.name();
      Optional<String> kernel = InterfaceName.problem(name);
      if (kernel.isPresent()) {
        boolean tooLong = name != null && name.getBytes(StandardCharsets.UTF_8).length > InterfaceName.MAX_BYTES;
        RuleInfo info = tooLong ? TOO_LONG : INVALID;
        out.add(finding(info, Names.of(e) + ": " + kernel.get(), List.of(e.id()), e));
        continue;
      }
      InterfaceName.unsafe(name).ifPresent(why -> out.add(finding(UNSAFE, Names.of(e) + ": " + why,
          List.of(e.id()), e)));
      Element before = names.putIfAbsent(name, e);
      if (before != null) {
        out.add(finding(DUPLICATE, Names.of(before) + " and " + Names.of(e) + " are both named " + name,
            List.of(before.id(), e.id()), e));
      }
    }
    return out;
  }

  /** Taps and bridges are Patchbay's to name and get a free one; an uplink is the machine's real interface. */
  private static Diagnostic finding(RuleInfo info, String message, List<String> ids, Element e) {
    if (e instanceof Uplink) {
      return Names.finding(info, message, ids, info.explain(), "Use the name the machine's interface really has"
          + " (ip link shows it).");
    }
    return Names.finding(info, message, ids, info.explain(), rename(e));
  }

  private static Fix rename(Element e) {
    String prefix = e instanceof Tap ? "tap" : "br";
    return Fixes.of("Rename " + e.id() + " to a free " + prefix + "N name", x -> {
      Element now = x.element(e.id()).orElseThrow();
      String fresh = x.freshName(prefix);
      return new ReplaceElementCommand(now.withIdentity(now.id(), fresh), "Rename " + now.name() + " to " + fresh);
    });
  }
}
