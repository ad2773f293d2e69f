package dev.patchbay.model.check;

import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs rules over a topology and returns the findings, errors first. Which rules: the caller's
 * list; the standard catalogue is {@code check.rules.StandardRules}.
 */
public final class Validator {
  private final List<Rule> rules;

  public Validator(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Every diagnostic id the rules can report, in rule order. */
  public List<RuleInfo> catalogue() {
    return rules.stream().flatMap(r -> r.catalogue().stream()).toList();
  }

  public List<Rule> rules() {
    return rules;
  }

  public List<Diagnostic> check(Topology topology) {
    List<Diagnostic> out = new ArrayList<>();
    Analysis design = new Analysis(topology);
    for (Rule r : rules) {
      out.addAll(r.check(design));
    }
    out.sort(Comparator.comparing(Diagnostic::severity));
    return out;
  }

  public static boolean hasErrors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }
}
