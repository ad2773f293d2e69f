package dev.patchbay.backends.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Probes typed into a running probe guest's console, which its init runs as one round in the
 * background (beside rounds typed before) and ends with a PB-DONE: {@code pb.probes=LIST
 * pb.timeout=SECONDS}, each probe retrying until it succeeds or the timeout passes. The guest reads
 * the console a line at a time, and a line holds at most {@link #MAX_LINE} characters (the kernel's
 * line buffer, less the newline), so many probes become several rounds.
 */
public record ProbeRound(List<Probe> probes, int timeoutSeconds) {
  /** N_TTY_BUF_SIZE (4096) less the newline: what the guest's canonical console reads as one line. */
  public static final int MAX_LINE = 4095;

  public ProbeRound {
    probes = List.copyOf(probes);
    if (probes.isEmpty()) {
      throw new IllegalArgumentException("a round of probes needs a probe");
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
      throw new IllegalArgumentException("probe timeout must be 1-3600 s, not " + timeoutSeconds);
    }
    if (line(probes, timeoutSeconds).length() > MAX_LINE) {
      throw new IllegalArgumentException("a round of " + probes.size() + " probes is longer than a console line");
    }
  }

  /** The probes in as few rounds as the console's line length allows (none for no probes). */
  public static List<ProbeRound> of(List<Probe> probes, int timeoutSeconds) {
    List<ProbeRound> rounds = new ArrayList<>();
    List<Probe> current = new ArrayList<>();
    for (Probe p : probes) {
      current.add(p);
      if (line(current, timeoutSeconds).length() > MAX_LINE) {
        current.remove(current.size() - 1);
        rounds.add(new ProbeRound(current, timeoutSeconds));
        current = new ArrayList<>(List.of(p));
      }
    }
    if (!current.isEmpty()) {
      rounds.add(new ProbeRound(current, timeoutSeconds));
    }
    return rounds;
  }

  /** The line to type, without its newline. */
  public String consoleLine() {
    return line(probes, timeoutSeconds);
  }

  private static String line(List<Probe> probes, int timeoutSeconds) {
    return "pb.probes=" + String.join(",", probes.stream().map(Probe::toString).toList()) + " pb.timeout="
        + timeoutSeconds;
  }
}
