package dev.patchbay.model.check;

import dev.patchbay.model.check.rules.WiringRule;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every rule over a topology and returns the findings, errors first. */
public final class Validator {
  private final List<Rule> rules;

  public Validator(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The full catalogue. */
  public static Validator standard() {
    return new Validator(List.of(new WiringRule()));
  }

  public List<Rule> rules() {
    return rules;
  }

  public List<Diagnostic> check(Topology topology) {
    List<Diagnostic> out = new ArrayList<>();
    for (Rule r : rules) {
      out.addAll(r.check(topology));
    }
    out.sort(Comparator.comparing(Diagnostic::severity));
    return out;
  }

  public static boolean hasErrors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }
}
