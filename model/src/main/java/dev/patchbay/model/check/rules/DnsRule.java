package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Analysis;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Reachability;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A guest's DNS server must be reachable from it, or every name lookup times out (seed 003, step 9). */
public final class DnsRule implements Rule {
  static final RuleInfo UNREACHABLE = new RuleInfo("dns.unreachable", Severity.WARNING,
      "The guest resolves names through its DNS server (seed 003: \"nameserver 192.168.1.1\", the LAN's DNS); if"
          + " packets cannot get there and back, every connection by name fails although addresses work.");

  @Override
  public String id() {
    return "dns";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(UNREACHABLE);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    return check(new Analysis(t));
  }

  @Override
  public List<Diagnostic> check(Analysis design) {
    Topology t = design.topology();
    List<Diagnostic> out = new ArrayList<>();
    for (Guest g : t.elementsOf(Guest.class).toList()) {
      for (Nic n : g.nics()) {
        if (!n.ip().isStatic()) {
          continue;
        }
        for (String dns : n.ip().dns()) {
          Optional<Ipv4> a = Ipv4.parse(dns);
          if (a.isEmpty()) {
            continue;
          }
          Reachability.Pair p = design.reachability().toAddress(Endpoint.of(g.id(), n.name()), a.get());
          if (p.verdict() == Reachability.Verdict.NO) {
            out.add(Names.finding(UNREACHABLE, Names.nic(g, n.name()) + " cannot reach its DNS server " + dns
                    + ": " + p.missing().get(0), List.of(g.id()), UNREACHABLE.explain(),
                "Use a DNS server the guest reaches (e.g. the LAN's), or make this one reachable: `patchbay reach`"
                    + " lists what is missing."));
          }
        }
      }
    }
    return out;
  }
}
