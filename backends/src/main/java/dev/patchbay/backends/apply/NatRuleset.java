package dev.patchbay.backends.apply;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.InterfaceName;
import dev.patchbay.model.topology.HostSettings;
import java.util.List;

/** The nft ruleset of a LoadNat step: Patchbay's own table, one masquerade rule per NAT entry. */
final class NatRuleset {
  private NatRuleset() {}

  static String text(String table, List<HostSettings.Nat> rules) {
    StringBuilder out = new StringBuilder();
    out.append("table ip ").append(checkedTable(table)).append(" {\n");
    out.append("  chain postrouting {\n");
    out.append("    type nat hook postrouting priority srcnat; policy accept;\n");
    for (HostSettings.Nat rule : rules) {
      String source = Cidr.parse(rule.source()).map(Cidr::toString).orElseThrow(() ->
          new IllegalArgumentException("NAT source '" + rule.source() + "' is not an IPv4 CIDR"));
      InterfaceName.unsafe(rule.out()).ifPresent(p -> {
        throw new IllegalArgumentException("NAT out interface refused: " + p);
      });
      out.append("    ip saddr ").append(source).append(" oifname \"").append(rule.out()).append("\" masquerade\n");
    }
    out.append("  }\n}\n");
    return out.toString();
  }

  static String checkedTable(String table) {
    if (!table.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("nft table name '" + table + "' must be lower-case letters, digits and _");
    }
    return table;
  }
}
