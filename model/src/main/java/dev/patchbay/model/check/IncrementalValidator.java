package dev.patchbay.model.check;

import dev.patchbay.model.reach.Layer3;
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
 * sharing one {@link Analysis} of the design between them. A move or a note re-runs nothing, a
 * rename of the file only the rule that reads names' characters; a hostfwd edit re-runs only the
 * rules a user net's settings can affect; a rename of an element re-runs a
 * rule only if one of its findings shows the element (rules decide nothing by names, except those
 * that say so with {@link Rule#decidesByName}). An edit of a guest that keeps its wiring (an
 * address, a MAC) patches the kept layer-3 view and lets {@link Rule#scopable} rules re-check only
 * that guest, its segments and the NICs with a changed address. The result is always what a full
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
  /**
   * The layer-3 view of the last check, kept across edits of guests that keep their wiring (then
   * patched for those guests), and the elements' places in the file; null when unknown.
   */
  private Layer3 layer3;
  private Map<String, Integer> order;
  /** What scopable rules keep across checks ({@link Analysis#kept}); dropped with the layer-3 view. */
  private Map<Class<?>, Object> kept;
  /** Guests edited (wiring kept) since the last check, and the scopable rules only such edits touched. */
  private final Set<String> editedGuests = new LinkedHashSet<>();
  private final Set<Rule> scoped = new LinkedHashSet<>();
  private final Map<Rule, KeyedFindings> keyed = new LinkedHashMap<>();
  private Map<String, List<Diagnostic>> byElement = Map.of();
  private List<Diagnostic> all = List.of();
  private long ruleRuns;
  private long scopedRuns;

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
    boolean guestOnly = Changes.keepsGuestWiring(change) && layer3 != null;
    if (guestOnly) {
      editedGuests.add(((TopologyChange.ElementReplaced) change).after().id());
    } else if (Changes.affectsNetwork(change)) {
      forgetLayer3();
    }
    if (change instanceof TopologyChange.ElementAdded || change instanceof TopologyChange.ElementRemoved) {
      order = null;
    }
    Optional<Changes.Renamed> renamed = Changes.renamed(change);
    renamed.ifPresent(r -> oldNames.computeIfAbsent(r.id(), k -> new LinkedHashSet<>()).add(r.oldName()));
    for (Rule r : rules) {
      if (!r.affectedBy(change)) {
        continue;
      }
      if (renamed.isPresent() && !r.decidesByName()) {
        renamedOnly.add(r);
      } else if (guestOnly && r.scopable() && keyed.containsKey(r)) {
        scoped.add(r);
      } else {
        dirty.add(r);
      }
    }
  }

  /** The layer-3 view no longer fits the design: rules that were to be scoped run in full. */
  private void forgetLayer3() {
    layer3 = null;
    kept = null;
    editedGuests.clear();
    dirty.addAll(scoped);
    scoped.clear();
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
    if (!dirty.isEmpty() || !scoped.isEmpty() || !editedGuests.isEmpty()) {
      Scope scope = patchLayer3();
      Analysis design = new Analysis(topology, segments, layer3, order, kept);
      for (Rule r : rules) {
        if (dirty.contains(r) || scoped.contains(r)) {
          run(r, design, dirty.contains(r) ? null : scope);
        }
      }
      segments = design.segmentsIfKnown();
      layer3 = design.layer3IfKnown();
      order = design.orderIfKnown();
      kept = design.keptIfLayer3();
      dirty.clear();
      scoped.clear();
      rebuild();
    }
    return all;
  }

  /** The kept layer-3 view brought up to the guests edited since the last check, and what changed. */
  private Scope patchLayer3() {
    if (editedGuests.isEmpty()) {
      return null;
    }
    List<Layer3.NicChange> changed = layer3.patchGuests(editedGuests);
    Set<Segments.Segment> touched = new LinkedHashSet<>();
    editedGuests.forEach(g -> layer3.nicsOf(g).forEach(n -> touched.add(n.segment())));
    Scope scope = new Scope(editedGuests, touched, changed);
    editedGuests.clear();
    return scope;
  }

  /** One rule: in full (scope null), or only where the scope says edits reached. */
  private void run(Rule r, Analysis design, Scope scope) {
    if (!r.scopable()) {
      byRule.put(r, r.check(design));
    } else {
      KeyedFindings found = scope == null ? r.checkKeyed(design) : r.checkScoped(design, scope, keyed.get(r));
      scopedRuns += scope == null ? 0 : 1;
      keyed.put(r, found);
      byRule.put(r, found.list());
    }
    ruleRuns++;
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

  /** How many of those checks were scoped: re-checked only where edits of guests reached. */
  public long scopedRuns() {
    return scopedRuns;
  }

  /** Rules waiting to be re-checked (after a rename: those that may have to be). */
  public int pending() {
    Set<Rule> waiting = new LinkedHashSet<>(dirty);
    waiting.addAll(renamedOnly);
    waiting.addAll(scoped);
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
