package dev.patchbay.app.cli;

import dev.patchbay.model.check.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a report prints: at most {@link #PER_RULE} of one rule and {@link #TOTAL} in all,
 * errors first, and how many of each rule were left out. A design of 20,000 taps on one subnet has
 * a hundred thousand findings; nobody reads past the first few of a kind, and printing all of them
 * once took gigabytes.
 */
record FindingsReport(List<Diagnostic> shown, Map<String, Long> omitted) {
  static final int PER_RULE = 20;
  static final int TOTAL = 200;

  static FindingsReport of(List<Diagnostic> all) {
    List<Diagnostic> shown = new ArrayList<>();
    Map<String, Integer> perRule = new LinkedHashMap<>();
    Map<String, Long> omitted = new LinkedHashMap<>();
    for (Diagnostic d : all) {
      int n = perRule.merge(d.rule(), 1, Integer::sum);
      if (n <= PER_RULE && shown.size() < TOTAL) {
        shown.add(d);
      } else {
        omitted.merge(d.rule(), 1L, Long::sum);
      }
    }
    return new FindingsReport(List.copyOf(shown), omitted);
  }

  /** One line per rule with findings left out, e.g. "... 4,980 more tap.unheld findings not shown". */
  List<String> omittedLines() {
    List<String> lines = new ArrayList<>();
    omitted.forEach((rule, n) -> lines.add(String.format(java.util.Locale.ROOT, "... %,d more %s finding%s not shown",
        n, rule, n == 1 ? "" : "s")));
    return lines;
  }
}
