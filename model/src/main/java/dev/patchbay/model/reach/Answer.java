package dev.patchbay.model.reach;

import dev.patchbay.model.reach.Reachability.Verdict;
import java.util.List;

/** A verdict with its condition, path and missing steps, before it is tied to a pair of ends. */
record Answer(Verdict verdict, String condition, List<String> path, List<String> missing) {
  Answer {
    path = PathList.copyOf(path);
    missing = List.copyOf(missing);
  }

  static Answer no(List<String> path, List<String> missing) {
    return new Answer(Verdict.NO, null, path, missing);
  }

  /** No when anything is missing; only-with when only outside conditions remain; else yes. */
  static Answer of(Walk w) {
    if (!w.ok() || !w.missing().isEmpty()) {
      List<String> missing = new java.util.ArrayList<>(w.missing());
      if (missing.isEmpty()) {
        missing.add("the packet gets nowhere");
      }
      // What the design cannot do itself is still a step to take once the rest is fixed.
      w.conditions().forEach(c -> missing.add("outside the design: " + c));
      return no(w.path(), missing);
    }
    if (!w.conditions().isEmpty()) {
      return new Answer(Verdict.ONLY_WITH, "only once " + String.join(" and ", w.conditions()), w.path(), List.of());
    }
    return new Answer(Verdict.YES, w.notes().isEmpty() ? null : String.join("; ", w.notes()), w.path(), List.of());
  }

  /** The same answer narrowed by a further condition (e.g. only to hostfwd ports). */
  Answer restricted(String extra) {
    if (verdict == Verdict.NO) {
      return this;
    }
    String c = condition == null || verdict == Verdict.YES ? extra : extra + ", and " + condition;
    return new Answer(Verdict.ONLY_WITH, c, path, missing);
  }

  Answer withPath(List<String> more) {
    List<String> p = new java.util.ArrayList<>(path);
    for (String n : more) {
      if (p.isEmpty() || !p.get(p.size() - 1).equals(n)) {
        p.add(n);
      }
    }
    return new Answer(verdict, condition, p, missing);
  }
}
