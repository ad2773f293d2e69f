package dev.patchbay.backends.verify;

import dev.patchbay.backends.apply.Sandbox;
import dev.patchbay.backends.probe.Probe;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Reachability;
import dev.patchbay.model.reach.Reachability.Pair;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every cell of the reachability matrix mapped to the probes that test it in the lab's sandbox.
 * Guests probe with their probe guest: TCP to port 7 of other guests (the probe guest's echo) and
 * to {@link #LISTEN_PORT} in the host, LAN and Internet namespaces (where verify runs a TCP echo),
 * plus ICMP unless user net is involved (its ping is unreliable, seed 001). Towards a guest, the
 * host, LAN and Internet namespaces ping and connect to port 7; into a user-net guest they connect
 * to its TCP host forward on the host (127.0.0.1 from the host, the uplink's address from outside).
 */
public final class VerifyPlan {
  /** The TCP echo verify runs in the host, LAN and Internet namespaces. */
  public static final int LISTEN_PORT = 7070;
  /** The probe guest's TCP echo. */
  public static final int GUEST_ECHO = 7;

  private final SandboxView view;
  private final List<Check> checks = new ArrayList<>();

  private VerifyPlan(SandboxView view) {
    this.view = view;
  }

  public static VerifyPlan of(Topology t, String lab) {
    return of(t, lab, Reachability.of(t));
  }

  public static VerifyPlan of(Topology t, String lab, List<Pair> pairs) {
    VerifyPlan plan = new VerifyPlan(new SandboxView(t, lab));
    Set<String> guests = new LinkedHashSet<>(t.elementsOf(Guest.class).map(Guest::id).toList());
    for (Pair p : pairs) {
      plan.checks.add(plan.check(p, guests));
    }
    return plan;
  }

  public List<Check> checks() {
    return List.copyOf(checks);
  }

  /** What each guest's probe guest is asked to probe, without repeats. */
  public Map<String, List<Probe>> guestProbes() {
    Map<String, Set<Probe>> by = new LinkedHashMap<>();
    for (Check c : checks) {
      if (c.tested() && c.guest() != null) {
        by.computeIfAbsent(c.guest(), g -> new LinkedHashSet<>()).addAll(c.probes());
      }
    }
    Map<String, List<Probe>> out = new LinkedHashMap<>();
    by.forEach((g, ps) -> out.put(g, List.copyOf(ps)));
    return out;
  }

  /** The guest ports a host forward leads to, which the probe guest must also echo on. */
  public List<Integer> listenPorts(String guestId) {
    return view.tcpForwards(guestId).stream().map(HostForward::guestPort)
        .filter(p -> p != GUEST_ECHO && p != 7777).distinct().toList();
  }

  public List<String> namespaces() {
    return Sandbox.namespaces(view.lab());
  }

  private Check check(Pair p, Set<String> guests) {
    Expectation e = Expectation.of(p);
    if (guests.contains(p.from())) {
      return fromGuest(p.from(), p.to(), e, guests);
    }
    String ns = switch (p.from()) {
      case Reachability.HOST -> view.hostNs();
      case Reachability.LAN -> view.lanNs();
      default -> view.internetNs();
    };
    return towardsGuest(p.from(), p.to(), ns, e);
  }

  private Check fromGuest(String g, String to, Expectation e, Set<String> guests) {
    boolean user = view.userNet(g).isPresent();
    Optional<Ipv4> target;
    int port = LISTEN_PORT;
    if (guests.contains(to)) {
      user |= view.userNet(to).isPresent();
      target = view.address(to).map(Cidr::address);
      port = GUEST_ECHO;
    } else {
      target = switch (to) {
        case Reachability.LAN -> view.lanMachine();
        case Reachability.INTERNET -> Optional.of(Ipv4.of(Sandbox.INTERNET));
        default -> view.hostTarget(g);
      };
    }
    if (target.isEmpty()) {
      return Check.untested(g, to, e, guests.contains(to) ? to + " has no static address to aim at"
          : "the sandbox has no " + to + " address for " + g + " to aim at");
    }
    return Check.byGuest(g, to, e, g, probes(target.get(), port, !user));
  }

  private Check towardsGuest(String from, String g, String ns, Expectation e) {
    if (view.userNet(g).isPresent()) {
      List<HostForward> fwd = view.tcpForwards(g);
      Optional<Ipv4> at = from.equals(Reachability.HOST) ? Optional.of(Ipv4.of("127.0.0.1"))
          : view.uplinkAddress().map(Cidr::address);
      if (fwd.isEmpty() || at.isEmpty()) {
        return Check.untested(from, g, e, fwd.isEmpty() ? "no TCP host forward into " + g
            : "the sandbox's host has no LAN address");
      }
      return Check.fromNamespace(from, g, e, ns, List.of(Probe.tcp(at.get().toString(), fwd.get(0).hostPort())));
    }
    Optional<Cidr> a = view.address(g);
    if (a.isEmpty()) {
      return Check.untested(from, g, e, g + " has no static address to aim at");
    }
    return Check.fromNamespace(from, g, e, ns, probes(a.get().address(), GUEST_ECHO, true));
  }

  private static List<Probe> probes(Ipv4 target, int port, boolean icmp) {
    List<Probe> ps = new ArrayList<>();
    ps.add(Probe.tcp(target.toString(), port));
    if (icmp) {
      ps.add(Probe.icmp(target.toString()));
    }
    return ps;
  }
}
