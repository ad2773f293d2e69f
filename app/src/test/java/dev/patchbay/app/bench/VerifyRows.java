package dev.patchbay.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The verify rows: backends' own {@code VerifyBenchmark} (test code of the backends module) in a
 * child JVM, {@code patchbay verify} on every sample one after the other (sandbox, probe guests
 * under TCG, probes, teardown), one row per sample and one for all of them. One round: a round
 * takes minutes. Needs root.
 */
final class VerifyRows {
  private VerifyRows() {}

  static List<Row> run() throws Exception {
    String cp = System.getenv("PB_BENCH_NETLINK_CP");
    if (cp == null || !"root".equals(System.getProperty("user.name"))) {
      return List.of(Row.skipped("verify of every sample", "s", 180,
          "needs root and PB_BENCH_NETLINK_CP: run through .ci/bench as root"));
    }
    Map<String, List<Double>> figures = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    NetlinkRows.collect(cp, List.of("dev.patchbay.backends.verify.VerifyBenchmark", "samples"), figures, units);
    List<Row> rows = new ArrayList<>();
    figures.forEach((name, values) -> {
      Matcher g = NetlinkRows.GOAL.matcher(name);
      double goal = g.find() ? Double.parseDouble(g.group(1)) : Double.NaN;
      rows.add(Row.of(NetlinkRows.GOAL.matcher(name).replaceAll("").trim(),
          values.stream().mapToDouble(Double::doubleValue).toArray(), units.get(name), goal,
          name.startsWith("verify of all") ? "the sum of the rows above: one run, teardown included"
              : name.startsWith("samples with") ? "a time counts only with every tested cell agreeing"
              : "sandbox up, probe guests booted under TCG, every cell probed, teardown"));
    });
    return rows;
  }
}
