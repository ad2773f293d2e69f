package dev.patchbay.model.check;

import dev.patchbay.model.topology.Topology;
import java.util.List;

/** One check of a design. Rules are stateless; each returns every finding it has, as data. */
public interface Rule {
  /** Stable id prefix of this rule's diagnostics, e.g. "mac". */
  String id();

  List<Diagnostic> check(Topology topology);
}
