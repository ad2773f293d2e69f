package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.qemu.UserNetLayout;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * User net's own addresses against its net ({@link UserNetLayout}): what QEMU refuses at start, so
 * the guest would never run. The command lines refuse the same values.
 */
public final class UserNetRule implements Rule {
  static final RuleInfo OUTSIDE = new RuleInfo("usernet.outside-net", Severity.ERROR,
      "User net's host address (10.0.2.2) and the first address its DHCP server hands out (10.0.2.15) lie inside"
          + " its net (10.0.2.0/24); QEMU refuses to start with either outside (\"DHCP doesn't belong to network\").");
  static final RuleInfo SAME = new RuleInfo("usernet.same-address", Severity.ERROR,
      "User net's host, DNS and first DHCP address are three different addresses (10.0.2.2, .3 and .15); QEMU"
          + " refuses to start when two are the same (\"DHCP must be different from host and DNS\").");

  @Override
  public String id() {
    return "usernet";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(OUTSIDE, SAME);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesOnly(c, Set.of(UserNet.class));
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    for (UserNet u : t.elementsOf(UserNet.class).toList()) {
      for (UserNetLayout.Problem p : UserNetLayout.problems(u)) {
        RuleInfo info = p.outside() ? OUTSIDE : SAME;
        String what = "Set " + p.field() + " of " + Printable.name(u.name()) + " to " + p.suggestion();
        out.add(Names.finding(info, Names.of(u) + ", field " + p.field() + ": " + p.problem(), List.of(u.id()),
            info.explain(), Fixes.element(what, u.id(), UserNet.class, now -> with(now, p.field(), p.suggestion()
                .toString()))));
      }
    }
    return out;
  }

  private static UserNet with(UserNet u, String field, String value) {
    return switch (field) {
      case "host" -> new UserNet(u.id(), u.name(), u.net(), value, u.dns(), u.dhcpStart(), u.hostfwd());
      case "dns" -> new UserNet(u.id(), u.name(), u.net(), u.host(), value, u.dhcpStart(), u.hostfwd());
      default -> new UserNet(u.id(), u.name(), u.net(), u.host(), u.dns(), value, u.hostfwd());
    };
  }
}
