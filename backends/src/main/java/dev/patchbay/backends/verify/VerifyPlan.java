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
import dev.patchbay.model.topology.UserNet;
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
 * plus ICMP unless user net is involved (its ping is unreliable, as the user-net scenario says). Towards a guest, the
 * host, LAN and Internet namespaces ping and connect to port 7; into a user-net guest they connect
 * to its TCP host forward on the host (127.0.0.1 from the host, the uplink's address from outside).
 * A guest that takes its address by DHCP is a target only once it reports its lease: those checks
 * wait ({@link Check#pending}) until {@link #aimed} aims them at the leases reported.
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

  /**
   * What each guest probes once every guest is up, without repeats, apart by what the cells expect:
   * {@code reached} true gives the probes of cells expected to connect, false those of the other
   * cells that no connecting cell shares. A check still waiting for a lease (before {@link #aimed})
   * has no probes yet.
   */
  public Map<String, List<Probe>> guestProbes(boolean reached) {
    Map<String, Set<Probe>> yes = byGuest(true);
    Map<String, Set<Probe>> by = reached ? yes : byGuest(false);
    Map<String, List<Probe>> out = new LinkedHashMap<>();
    by.forEach((g, ps) -> {
      List<Probe> own = ps.stream().filter(p -> reached || !yes.getOrDefault(g, Set.of()).contains(p)).toList();
      if (!own.isEmpty()) {
        out.put(g, own);
      }
    });
    return out;
  }

  private Map<String, Set<Probe>> byGuest(boolean reached) {
    Map<String, Set<Probe>> by = new LinkedHashMap<>();
    for (Check c : checks) {
      if (c.tested() && c.guest() != null && c.expectsReached() == reached) {
        by.computeIfAbsent(c.guest(), g -> new LinkedHashSet<>()).addAll(c.probes());
      }
    }
    return by;
  }

  /** The guests whose DHCP leases some check waits for, in the order first asked. */
  public Set<String> awaitedLeases() {
    Set<String> out = new LinkedHashSet<>();
    checks.stream().filter(Check::pending).forEach(c -> out.add(c.lease().guest()));
    return out;
  }

  /**
   * Every check waiting for a lease aimed at the address its guest reported
   * ({@code leases}: guest id to its first DHCP address; a guest missing or empty got none).
   */
  public VerifyPlan aimed(Map<String, Optional<Ipv4>> leases) {
    VerifyPlan out = new VerifyPlan(view);
    for (Check c : checks) {
      out.checks.add(c.pending() ? c.aimedAt(leases.getOrDefault(c.lease().guest(), Optional.empty())) : c);
    }
    return out;
  }

  /** The guest ports a host forward leads to, which the probe guest must also echo on. */
  public List<Integer> listenPorts(String guestId) {
    return view.tcpForwards(guestId).stream().map(HostForward::guestPort)
        .filter(p -> p != GUEST_ECHO && p != 7777).distinct().toList();
  }

  /** The LAN DHCP server the design counts on, if a guest bridged onto the LAN asks for DHCP. */
  Optional<LanDhcp> lanDhcp() {
    return LanDhcp.of(view);
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
    if (guests.contains(to)) {
      Optional<UserNet> slirp = view.userNetWhereAddressed(to);
      if (slirp.isPresent()) {
        return Check.untested(g, to, e, slirpAnswers(to, slirp.get()));
      }
      boolean icmp = !user && view.userNet(to).isEmpty();
      Optional<Cidr> a = view.address(to);
      if (a.isPresent()) {
        return Check.byGuest(g, to, e, g, probes(a.get().address(), GUEST_ECHO, icmp));
      }
      return view.usesDhcp(to) ? Check.awaitingLease(g, to, e, g, null, new Check.Lease(to, GUEST_ECHO, icmp))
          : Check.untested(g, to, e, noAddress(to));
    }
    Optional<Ipv4> target = switch (to) {
      case Reachability.LAN -> Optional.of(view.lanTarget());
      case Reachability.INTERNET -> Optional.of(Ipv4.of(Sandbox.INTERNET));
      default -> view.hostTarget(g);
    };
    if (target.isEmpty()) {
      return Check.untested(g, to, e, "the host holds no IPv4 address in this design (no tap, bridge or uplink"
          + " has one), so no packet from " + g + " can be addressed to it");
    }
    return Check.byGuest(g, to, e, g, probes(target.get(), LISTEN_PORT, !user));
  }

  private Check towardsGuest(String from, String g, String ns, Expectation e) {
    Optional<UserNet> user = view.userNet(g);
    if (user.isPresent()) {
      return towardsUserNetGuest(from, g, ns, e, user.get());
    }
    Optional<Cidr> a = view.address(g);
    if (a.isPresent()) {
      return Check.fromNamespace(from, g, e, ns, probes(a.get().address(), GUEST_ECHO, true));
    }
    return view.usesDhcp(g) ? Check.awaitingLease(from, g, e, null, ns, new Check.Lease(g, GUEST_ECHO, true))
        : Check.untested(from, g, e, noAddress(g));
  }

  /** Slirp's network lives inside the guest's QEMU process: from outside only its host forwards lead in. */
  private Check towardsUserNetGuest(String from, String g, String ns, Expectation e, UserNet user) {
    List<HostForward> fwd = view.tcpForwards(g);
    if (fwd.isEmpty()) {
      return Check.untested(from, g, e, g + " is on user net " + user.name() + ": its addresses exist only inside"
          + " QEMU (slirp), and " + user.name() + " forwards no TCP port, so nothing outside QEMU can address " + g);
    }
    Optional<Ipv4> at = from.equals(Reachability.HOST) ? Optional.of(Ipv4.of("127.0.0.1"))
        : view.uplinkAddress().map(Cidr::address);
    if (at.isEmpty()) {
      return Check.untested(from, g, e, "the host has no uplink address, so the " + from
          + " cannot reach the host forwards into " + g);
    }
    return Check.fromNamespace(from, g, e, ns, List.of(Probe.tcp(at.get().toString(), fwd.get(0).hostPort())));
  }

  /**
   * Slirp takes every IPv4 frame on its segment for its own, whatever its destination: it answers a
   * TCP connection to another machine there as if it were that machine's gateway (a reset, or ICMP
   * unreachable, as soon as its own connect to the host fails) and resets every later segment it has
   * no socket for. Which answer a probe sees is a race (seen on 7 Dec: a connect from guestB to guestA
   * over a socket refused 20 times in 20 s, guestA's the other way through after 15 tries).
   */
  private static String slirpAnswers(String g, UserNet user) {
    return g + " is addressed on the segment of user net " + user.name() + ", and slirp answers every TCP"
        + " connection it sees there itself (resets, or ICMP unreachable, racing " + g + "'s own answer), so a"
        + " probe would show that race rather than the path";
  }

  private String noAddress(String g) {
    return g + " has no IPv4 address to aim at: none of its NICs is static or asks for DHCP";
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
