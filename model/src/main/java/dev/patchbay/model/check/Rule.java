package dev.patchbay.model.check;

import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.List;

/** One check of a design. Rules are stateless; each returns every finding it has, as data. */
public interface Rule {
  /** Stable id prefix of this rule's diagnostics, e.g. "mac". */
  String id();

  List<Diagnostic> check(Topology topology);

  /**
   * The same check with the design's shared analysis (segments, layer 3, reachability), built once
   * per check for every rule; rules that read it override this and call it from {@link #check(Topology)}.
   */
  default List<Diagnostic> check(Analysis design) {
    return check(design.topology());
  }

  /** The diagnostic ids this rule can report, with their severity and explanation. */
  default List<RuleInfo> catalogue() {
    return List.of();
  }

  /**
   * Whether an edit can change this rule's findings. The incremental validator re-runs only the
   * rules an edit touches; moving an element or editing a note touches none.
   */
  default boolean affectedBy(TopologyChange change) {
    return Changes.affectsNetwork(change);
  }

  /**
   * Whether the rule decides anything by an element's name (a kernel interface name, say), rather
   * than only showing it. A rule that only shows names can change after a rename only in the
   * findings that show the old name, so the incremental validator re-runs it only when one does.
   */
  default boolean decidesByName() {
    return false;
  }

  /**
   * Whether the rule can re-check only what edits of guests that kept their wiring touched
   * ({@link #checkScoped}); a rule that cannot is run in full after such edits.
   */
  default boolean scopable() {
    return false;
  }

  /** The full check with each finding under its key; only for {@link #scopable} rules. */
  default KeyedFindings checkKeyed(Analysis design) {
    throw new UnsupportedOperationException(id() + " is not scopable");
  }

  /**
   * The findings after edits described by the scope, from this rule's findings before them: the
   * keys the edits can change are checked again, the others kept. Must equal {@link #checkKeyed}
   * on the edited design.
   */
  default KeyedFindings checkScoped(Analysis design, Scope scope, KeyedFindings previous) {
    return checkKeyed(design);
  }
}
