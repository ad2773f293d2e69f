package dev.patchbay.model.check;

import dev.patchbay.model.reach.Segments;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps a topology's findings current as it is edited: it listens to the topology's changes, marks
 * the rules each change can affect ({@link Rule#affectedBy}) and re-runs only those when asked,
 * sharing one {@link Analysis} of the design between them. A move, a note or a rename of the file
 * re-runs nothing; a hostfwd edit re-runs the hostfwd rule only; a rename of an element re-runs a
 * rule only if one of its findings shows the element (rules decide nothing by names, except those
 * that say so with {@link Rule#decidesByName}). The result is always what a full
 * {@link Validator#check} would return.
 */
public final class IncrementalValidator implements AutoCloseable {
  private final Topology topology;
  private final List<Rule> rules;
  private final Map<Rule, List<Diagnostic>> byRule = new LinkedHashMap<>();
  private final Set<Rule> dirty = new LinkedHashSet<>();
  /** Rules that only renames touched since the last check, and the names those elements had. */
  private final Set<Rule> renamedOnly = new LinkedHashSet<>();
  private final Map<String, Set<String>> oldNames = new LinkedHashMap<>();
  private final Consumer<TopologyChange> listener = this::changed;
  /** The segments of the current wiring, kept across edits that leave them alone; null when unknown. */
  private Segments segments;
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
    if (!Changes.keepsSegments(change)) {
      segments = null;
    }
    Optional<Changes.Renamed> renamed = Changes.renamed(change);
    renamed.ifPresent(r -> oldNames.computeIfAbsent(r.id(), k -> new LinkedHashSet<>()).add(r.oldName()));
    for (Rule r : rules) {
      if (!r.affectedBy(change)) {
        continue;
      }
      if (renamed.isPresent() && !r.decidesByName()) {
        renamedOnly.add(r);
      } else {
        dirty.add(r);
      }
    }
  }

  /** Every finding, errors first, re-checking only the rules touched since the last call. */
  public List<Diagnostic> diagnostics() {
    for (Rule r : renamedOnly) {
      if (byRule.getOrDefault(r, List.of()).stream().anyMatch(this::showsRenamed)) {
        dirty.add(r);
      }
    }
    renamedOnly.clear();
    oldNames.clear();
    if (!dirty.isEmpty()) {
      Analysis design = new Analysis(topology, segments);
      for (Rule r : rules) {
        if (dirty.contains(r)) {
          byRule.put(r, r.check(design));
          ruleRuns++;
        }
      }
      segments = design.segmentsIfKnown();
      dirty.clear();
      rebuild();
    }
    return all;
  }

  /**
   * Whether a finding names a renamed element: by id, or by a name it had anywhere in its text
   * (ignoring case, as a name equal to its kind's label is shown as the label).
   */
  private boolean showsRenamed(Diagnostic d) {
    String text = (d.message() + '\n' + d.explanation() + '\n' + d.fixHint() + '\n'
        + d.mechanicalFix().map(Fix::description).orElse("")).toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Set<String>> e : oldNames.entrySet()) {
      if (d.elements().contains(e.getKey()) || text.contains(e.getKey().toLowerCase(Locale.ROOT))) {
        return true;
      }
      for (String name : e.getValue()) {
        if (text.contains(name.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
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

  /** Rules waiting to be re-checked (after a rename: those that may have to be). */
  public int pending() {
    Set<Rule> waiting = new LinkedHashSet<>(dirty);
    waiting.addAll(renamedOnly);
    return waiting.size();
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
