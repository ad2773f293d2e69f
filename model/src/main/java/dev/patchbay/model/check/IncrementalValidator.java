package dev.patchbay.model.check;

import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps a topology's findings current as it is edited: it listens to the topology's changes, marks
 * the rules each change can affect ({@link Rule#affectedBy}) and re-runs only those when asked. A
 * move, a note or a rename of the file re-runs nothing; a hostfwd edit re-runs the hostfwd rule only.
 * The result is always what a full {@link Validator#check} would return.
 */
public final class IncrementalValidator implements AutoCloseable {
  private final Topology topology;
  private final List<Rule> rules;
  private final Map<Rule, List<Diagnostic>> byRule = new LinkedHashMap<>();
  private final Set<Rule> dirty = new LinkedHashSet<>();
  private final Consumer<TopologyChange> listener = this::changed;
  private Map<String, List<Diagnostic>> byElement = Map.of();
  private List<Diagnostic> all = List.of();
  private long ruleRuns;

  public IncrementalValidator(Topology topology, Validator validator) {
    this.topology = topology;
    this.rules = validator.rules();
    dirty.addAll(rules);
    topology.addListener(listener);
  }

  private void changed(TopologyChange change) {
    for (Rule r : rules) {
      if (r.affectedBy(change)) {
        dirty.add(r);
      }
    }
  }

  /** Every finding, errors first, re-checking only the rules touched since the last call. */
  public List<Diagnostic> diagnostics() {
    if (!dirty.isEmpty()) {
      for (Rule r : rules) {
        if (dirty.contains(r)) {
          byRule.put(r, r.check(topology));
          ruleRuns++;
        }
      }
      dirty.clear();
      rebuild();
    }
    return all;
  }

  /** The findings that name an element (or link) id, for its badge on the canvas. */
  public List<Diagnostic> diagnosticsFor(String id) {
    diagnostics();
    return byElement.getOrDefault(id, List.of());
  }

  /** How many single-rule checks have run: the cost the incremental scheme saves. */
  public long ruleRuns() {
    return ruleRuns;
  }

  /** Rules waiting to be re-checked. */
  public int pending() {
    return dirty.size();
  }

  private void rebuild() {
    List<Diagnostic> out = new ArrayList<>();
    for (Rule r : rules) {
      out.addAll(byRule.getOrDefault(r, List.of()));
    }
    out.sort(Comparator.comparing(Diagnostic::severity));
    Map<String, List<Diagnostic>> index = new LinkedHashMap<>();
    for (Diagnostic d : out) {
      for (String id : d.elements()) {
        index.computeIfAbsent(id, k -> new ArrayList<>()).add(d);
      }
    }
    all = List.copyOf(out);
    byElement = index;
  }

  @Override
  public void close() {
    topology.removeListener(listener);
  }
}
