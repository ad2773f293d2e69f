package dev.patchbay.backends.verify;

import dev.patchbay.backends.probe.Probe;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Reachability.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one cell of the reachability matrix is put to the test: the model's verdict, what the
 * sandbox should therefore show ({@code expected}, yes or no, with why when the verdict is
 * only-with), and the probes that show it — run by the guest {@code from} (its probe guest's
 * {@code pb.probes}) or from a namespace ({@code namespace}: the lab's host, LAN or Internet).
 * A cell no probe can test names why in {@code untested}.
 *
 * <p>A cell towards a guest that takes its address by DHCP has no target until that guest reports
 * its lease: its {@code lease} says whose address to aim at and how, and its probes stay empty until
 * {@link #aimedAt} fills them in ({@code aimed}). A cell aimed at a guest that got no lease keeps no
 * probes: nothing can reach a guest without an address, so it is observed as no.
 */
public record Check(String from, String to, Verdict predicted, String condition, String expected,
    String expectation, String guest, String namespace, List<Probe> probes, String untested, Lease lease,
    boolean aimed) {

  /** Probes to aim at {@code guest}'s leased address: TCP to {@code port}, and ICMP when {@code icmp}. */
  public record Lease(String guest, int port, boolean icmp) {}

  public Check {
    probes = List.copyOf(probes);
  }

  static Check byGuest(String from, String to, Expectation e, String guest, List<Probe> probes) {
    return new Check(from, to, e.predicted(), e.condition(), e.expected(), e.why(), guest, null, probes, null, null,
        true);
  }

  static Check fromNamespace(String from, String to, Expectation e, String namespace, List<Probe> probes) {
    return new Check(from, to, e.predicted(), e.condition(), e.expected(), e.why(), null, namespace, probes, null,
        null, true);
  }

  static Check untested(String from, String to, Expectation e, String reason) {
    return new Check(from, to, e.predicted(), e.condition(), e.expected(), e.why(), null, null, List.of(), reason,
        null, true);
  }

  /** A check run by {@code guest} or from {@code namespace} once {@code lease.guest()} reports its lease. */
  static Check awaitingLease(String from, String to, Expectation e, String guest, String namespace, Lease lease) {
    return new Check(from, to, e.predicted(), e.condition(), e.expected(), e.why(), guest, namespace, List.of(), null,
        lease, false);
  }

  public boolean tested() {
    return untested == null;
  }

  /** The sandbox should let this cell's probes through ({@code expected} is yes). */
  public boolean expectsReached() {
    return "yes".equals(expected);
  }

  /** Still waiting for a DHCP lease to aim at. */
  public boolean pending() {
    return lease != null && !aimed;
  }

  /** The same check with its probes aimed at the lease the guest reported (none: it got no lease). */
  public Check aimedAt(Optional<Ipv4> leased) {
    if (!pending()) {
      throw new IllegalStateException(from + " -> " + to + " is not waiting for a lease");
    }
    List<Probe> ps = new ArrayList<>();
    leased.ifPresent(a -> {
      ps.add(Probe.tcp(a.toString(), lease.port()));
      if (lease.icmp()) {
        ps.add(Probe.icmp(a.toString()));
      }
    });
    return new Check(from, to, predicted, condition, expected, expectation, guest, namespace, ps, null, lease, true);
  }

  /** Aimed, but at nobody: the target guest reported no DHCP lease. */
  public boolean leaseless() {
    return lease != null && aimed && probes.isEmpty();
  }

  /** In words for the report: who probes what. */
  public String probeText() {
    if (!tested()) {
      return "none: " + untested;
    }
    String who = guest != null ? "guest " + guest : "netns " + namespace;
    if (pending()) {
      return who + " at the DHCP lease " + lease.guest() + " reports";
    }
    if (leaseless()) {
      return who + " none: " + lease.guest() + " obtained no DHCP lease, so nothing can reach it";
    }
    String what = probes.stream().map(Probe::toString).collect(Collectors.joining(" "));
    return who + " " + what + (lease != null ? " (" + lease.guest() + "'s DHCP lease)" : "");
  }
}
