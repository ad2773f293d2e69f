package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Analysis;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.KeyedFindings;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.Scope;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3;
import dev.patchbay.model.reach.Layer3.NicAddress;
import dev.patchbay.model.reach.Reachability;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** A guest's DNS server must be reachable from it, or every name lookup times out (proxy ARP over Wi-Fi, step 9). */
public final class DnsRule implements Rule {
  static final RuleInfo UNREACHABLE = new RuleInfo("dns.unreachable", Severity.WARNING,
      "The guest resolves names through its DNS server (proxy ARP over Wi-Fi: \"nameserver 192.168.1.1\", the LAN's DNS); if"
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
    return checkKeyed(design).list();
  }

  /**
   * Only NICs with a DNS server can have a finding, and a design has few: a scoped check asks
   * again for every one of them (kept by position) and for no other NIC.
   */
  @Override
  public boolean scopable() {
    return true;
  }

  @Override
  public KeyedFindings checkKeyed(Analysis design) {
    Layer3 l3 = design.layer3();
    TreeSet<Integer> asking = new TreeSet<>();
    List<NicAddress> nics = l3.nics();
    for (int p = 0; p < nics.size(); p++) {
      if (asks(nics.get(p))) {
        asking.add(p);
      }
    }
    design.keep(DnsRule.class, asking);
    return check(design, asking);
  }

  @Override
  public KeyedFindings checkScoped(Analysis design, Scope scope, KeyedFindings previous) {
    Layer3 l3 = design.layer3();
    Optional<TreeSet<Integer>> kept = design.kept(DnsRule.class);
    if (kept.isEmpty()) {
      return checkKeyed(design);
    }
    TreeSet<Integer> asking = kept.get();
    for (Layer3.NicChange c : scope.nics()) {
      int p = l3.position(c.after());
      if (asks(c.after())) {
        asking.add(p);
      } else {
        asking.remove(p);
      }
    }
    List<Long> again = new ArrayList<>(previous.keysIn(0));
    asking.forEach(p -> again.add(KeyedFindings.key(0, p)));
    return previous.replacing(again, check(design, asking));
  }

  private static boolean asks(NicAddress n) {
    return n.nic().ip().isStatic() && !n.nic().ip().dns().isEmpty();
  }

  private KeyedFindings check(Analysis design, TreeSet<Integer> asking) {
    KeyedFindings out = new KeyedFindings();
    List<Alternative> candidates = new ArrayList<>();
    for (int p : asking) {
      NicAddress at = design.layer3().nics().get(p);
      Guest g = at.guest();
      Nic n = at.nic();
      for (String dns : n.ip().dns()) {
        Optional<Ipv4> a = Ipv4.parse(dns);
        if (a.isEmpty()) {
          continue;
        }
        Reachability.Pair pair = design.reachability().toAddress(Endpoint.of(g.id(), n.name()), a.get());
        if (pair.verdict() == Reachability.Verdict.NO) {
          String message = Names.nic(g, n.name()) + " cannot reach its DNS server " + dns + ": " + pair.missing().get(0);
          if (candidates.isEmpty()) {
            candidates.addAll(candidates(design.layer3()));
          }
          Optional<Alternative> other = alternative(design, candidates, at, a.get());
          out.add(KeyedFindings.key(0, p), other.isPresent()
              ? Names.finding(UNREACHABLE, message, List.of(g.id()), UNREACHABLE.explain(), other.get().fix(g, n, dns))
              : Names.finding(UNREACHABLE, message, List.of(g.id()), UNREACHABLE.explain(), "Make " + dns
                  + " reachable: " + pair.missing().get(0) + "; or give the guest a DNS server it"
                  + " reaches."));
        }
      }
    }
    return out;
  }

  /** A DNS server the guest does reach, and whose it is. */
  private record Alternative(String address, String whose) {
    Fix fix(Guest g, Nic n, String unreachable) {
      String d = "Use " + whose + " DNS server " + address + " for " + g.id() + ":" + n.name() + " instead of " + unreachable;
      return Fixes.element(d, g.id(), Guest.class, now -> {
        Nic nic = now.nic(n.name()).orElseThrow();
        IpConfig ip = nic.ip();
        List<String> servers = new ArrayList<>();
        ip.dns().forEach(x -> servers.add(x.equals(unreachable) ? address : x));
        return now.withNic(nic.withIp(new IpConfig(ip.mode(), ip.address(), ip.gateway(),
            servers.stream().distinct().toList())));
      });
    }
  }

  /**
   * The remedy that fits the design: a server the guest reaches already (user net's on its hub, the
   * uplink's, the LAN router, one another guest uses), tried in that order. Without one the design
   * itself must change, and the finding says what the reachability walk found missing.
   */
  /** The servers of the design, each once (thousands of guests name the same few), user net's per guest. */
  private static List<Alternative> candidates(Layer3 l3) {
    java.util.Map<String, Alternative> byAddress = new java.util.LinkedHashMap<>();
    l3.uplink().ifPresent(u -> u.dns().forEach(d -> byAddress.putIfAbsent(d, new Alternative(d, "the uplink's"))));
    l3.lanGateway().ifPresent(gw -> byAddress.putIfAbsent(gw.toString(), new Alternative(gw.toString(), "the LAN router's")));
    l3.nics().forEach(o -> o.nic().ip().dns().forEach(d -> byAddress.putIfAbsent(d, new Alternative(d, "the"))));
    return List.copyOf(byAddress.values());
  }

  private static Optional<Alternative> alternative(Analysis design, List<Alternative> shared, NicAddress at,
      Ipv4 unreachable) {
    List<Alternative> candidates = new ArrayList<>();
    design.layer3().userNetsOn(at.segment()).forEach(u -> candidates.add(new Alternative(u.dns(), "user net's")));
    candidates.addAll(shared);
    Endpoint from = Endpoint.of(at.guest().id(), at.nic().name());
    for (Alternative c : candidates) {
      Optional<Ipv4> a = Ipv4.parse(c.address());
      if (a.isPresent() && !a.get().equals(unreachable) && !at.nic().ip().dns().contains(c.address())
          && design.reachability().toAddress(from, a.get()).verdict() == Reachability.Verdict.YES) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
