package dev.patchbay.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The apply, teardown and counter rows: backends' own {@code NetlinkBenchmark} (test code of the
 * backends module) run as a child JVM for several rounds, each in fresh throwaway namespaces, and
 * {@code UpBenchmark} (`patchbay up` end to end against `ip -batch`) in a fresh JVM per round; the
 * printed figures are collected per row across rounds. Needs root.
 */
final class NetlinkRows {
  private static final int ROUNDS = 3;
  private static final Pattern ROW = Pattern.compile("^(\\S.{0,77}?)\\s+(-?[0-9.]+) (\\S+)$");
  static final Pattern GOAL = Pattern.compile("\\(goal <=? ([0-9.]+)\\)");

  private NetlinkRows() {}

  static List<Row> run() throws Exception {
    String cp = System.getenv("PB_BENCH_NETLINK_CP");
    if (cp == null || !"root".equals(System.getProperty("user.name"))) {
      return List.of(Row.skipped("apply, teardown and counter rows (netlink)", "ms", Double.NaN,
          "needs root and PB_BENCH_NETLINK_CP: run through .ci/bench as root"));
    }
    Map<String, List<Double>> figures = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    collect(cp, List.of("dev.patchbay.backends.netlink.NetlinkBenchmark", String.valueOf(ROUNDS)), figures, units);
    for (int round = 0; round < ROUNDS; round++) {
      // A fresh JVM per round: its first up is cold like every `patchbay up`, its second warm like
      // the designer's agent from its second apply on.
      collect(cp, List.of("dev.patchbay.backends.apply.UpBenchmark", "2"), figures, units);
    }
    List<Row> rows = new ArrayList<>();
    figures.forEach((name, values) -> rows.add(toRow(name, values, units.get(name))));
    return rows;
  }

  /** Runs one benchmark class in a child JVM and adds each printed row's figure to {@code figures}. */
  static void collect(String cp, List<String> mainAndArgs, Map<String, List<Double>> figures,
      Map<String, String> units) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", cp));
    command.addAll(mainAndArgs);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> out = new ArrayList<>();
    int rows = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line);
        Matcher m = ROW.matcher(line);
        if (m.matches() && !line.startsWith("==")) {
          String name = m.group(1).trim();
          figures.computeIfAbsent(name, k -> new ArrayList<>()).add(Double.parseDouble(m.group(2)));
          units.put(name, m.group(3));
          rows++;
        }
      }
    }
    if (p.waitFor() != 0 || rows == 0) {
      throw new IOException(mainAndArgs.get(0) + " failed:\n" + String.join("\n", out));
    }
  }

  private static Row toRow(String name, List<Double> values, String unit) {
    Matcher g = GOAL.matcher(name);
    double goal = g.find() ? Double.parseDouble(g.group(1)) : Double.NaN;
    String shortName = GOAL.matcher(name).replaceAll("").trim();
    double[] samples = values.stream().mapToDouble(Double::doubleValue).toArray();
    return Row.of(shortName, samples, unit, goal, note(shortName));
  }

  private static String note(String name) {
    if (name.startsWith("ratio patchbay up")) {
      return "one value per round, fresh namespaces, ip's process start included";
    }
    if (name.startsWith("patchbay up")) {
      return "backends UpBenchmark: plan against the live state, journal, steps, \"applied\"; "
          + (name.contains("fresh JVM") ? "class loading and JIT included, as in every `patchbay up`"
          : "second up of the same JVM, as in the designer's agent");
    }
    if (name.startsWith("the same lab")) {
      return "backends UpBenchmark: one `ip -n NS -batch FILE` making the same links, marks and addresses";
    }
    if (name.startsWith("ratio")) {
      return "same run, fresh namespaces, ip's process start included; one value per round";
    }
    if (name.startsWith("teardown of the lab")) {
      return "kernel-bound: each bridge port costs an RCU grace period (see backends/NETLINK.md), `ip` alike";
    }
    if (name.contains("10 Hz")) {
      return "CPU time of the polling thread over 10 s of polling";
    }
    return "backends NetlinkBenchmark, " + ROUNDS + " rounds";
  }
}
