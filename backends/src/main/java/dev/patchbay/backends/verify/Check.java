package dev.patchbay.backends.verify;

import dev.patchbay.backends.probe.Probe;
import dev.patchbay.model.reach.Reachability.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How one cell of the reachability matrix is put to the test: the model's verdict, what the
 * sandbox should therefore show ({@code expected}, yes or no, with why when the verdict is
 * only-with), and the probes that show it — run by the guest {@code from} (its probe guest's
 * {@code pb.probes}) or from a namespace ({@code namespace}: the lab's host, LAN or Internet).
 * A cell no probe can test names why in {@code untested}.
 */
public record Check(String from, String to, Verdict predicted, String condition, String expected,
    String expectation, String guest, String namespace, List<Probe> probes, String untested) {

  public Check {
    probes = List.copyOf(probes);
  }

  static Check byGuest(String from, String to, Expectation e, String guest, List<Probe> probes) {
    return new Check(from, to, e.predicted(), e.condition(), e.expected(), e.why(), guest, null, probes, null);
  }

  static Check fromNamespace(String from, String to, Expectation e, String namespace, List<Probe> probes) {
    return new Check(from, to, e.predicted(), e.condition(), e.expected(), e.why(), null, namespace, probes, null);
  }

  static Check untested(String from, String to, Expectation e, String reason) {
    return new Check(from, to, e.predicted(), e.condition(), e.expected(), e.why(), null, null, List.of(), reason);
  }

  public boolean tested() {
    return untested == null;
  }

  /** In words for the report: who probes what. */
  public String probeText() {
    if (!tested()) {
      return "none: " + untested;
    }
    String who = guest != null ? "guest " + guest : "netns " + namespace;
    return who + " " + probes.stream().map(Probe::toString).collect(Collectors.joining(" "));
  }
}
