package dev.patchbay.backends.verify;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.patchbay.backends.probe.Probe;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One matrix cell, predicted against observed. {@code observed} is yes when every probe of the cell
 * succeeded, no when none did, "partial (...)" when they split (TCP through, ping not, say: that
 * disagrees with any verdict), "untested" when no probe could be aimed; {@code agrees} is null for
 * an untested cell. A cell aimed at a guest that obtained no DHCP lease has no probe and is observed
 * as no: nothing reaches a guest without an address.
 */
@JsonPropertyOrder({"from", "to", "predicted", "expected", "observed", "agrees", "probe", "why"})
public record Cell(String from, String to, String predicted, String expected, String observed, Boolean agrees,
    String probe, String why) {

  /** Compares a check's expectation with what its probes showed ({@code results}: ok per probe). */
  public static Cell of(Check c, Map<Probe, Boolean> results) {
    String predicted = c.predicted().word();
    if (!c.tested()) {
      return new Cell(c.from(), c.to(), predicted, c.expected(), "untested", null, c.probeText(), c.expectation());
    }
    if (c.pending()) {
      throw new IllegalStateException(c.from() + " -> " + c.to() + " was never aimed at " + c.lease().guest()
          + "'s lease");
    }
    String observed = c.leaseless() ? "no" : observed(c.probes(), results);
    return new Cell(c.from(), c.to(), predicted, c.expected(), observed, observed.equals(c.expected()),
        c.probeText(), c.expectation());
  }

  static String observed(List<Probe> probes, Map<Probe, Boolean> results) {
    long ok = probes.stream().filter(p -> Boolean.TRUE.equals(results.get(p))).count();
    if (ok == probes.size()) {
      return "yes";
    }
    if (ok == 0) {
      return "no";
    }
    return "partial (" + probes.stream().map(p -> p.kind().word() + " "
        + (Boolean.TRUE.equals(results.get(p)) ? "yes" : "no")).collect(Collectors.joining(", ")) + ")";
  }

  @JsonIgnore
  public boolean disagrees() {
    return Boolean.FALSE.equals(agrees);
  }
}
