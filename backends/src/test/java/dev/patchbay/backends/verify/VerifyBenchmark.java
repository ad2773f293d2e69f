package dev.patchbay.backends.verify;

import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.probe.ProbeGuestBuilder;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code patchbay verify} on every sample, one after the other as a user would run them: the lab
 * applied in a sandbox, its probe guests booted, every cell probed, everything taken down. Prints
 * one row per sample (seconds from the call to the report, teardown included) and the total, with
 * the load average before and after (the machine is shared: a loaded one boots TCG guests slower).
 * Needs root. Asserts nothing about time; a sample whose cells disagree is printed and counted.
 *
 * <pre>
 * java -cp backends/target/test-classes:backends/target/classes:model/target/classes:$(cat backends/target/cp.txt) \
 *     dev.patchbay.backends.verify.VerifyBenchmark [samples folder or files...]
 * </pre>
 */
public final class VerifyBenchmark {
  private VerifyBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Path> files = samples(args.length == 0 ? List.of("samples") : List.of(args));
    Path state = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "pb-verifybench-");
    try {
      run(files, new VerifyRun(new Labs(state), new ProbeGuestBuilder().build()));
    } finally {
      // Each verify takes its lab down; what stays is the state folder's lock files.
      try (Stream<Path> s = Files.walk(state)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void run(List<Path> files, VerifyRun verify) throws Exception {
    System.out.printf(Locale.ROOT, "   (load average before: %s)%n", loadAverage());
    double total = 0;
    int disagreeing = 0;
    for (Path f : files) {
      Topology t = TopologyFiles.load(f);
      String name = f.getFileName().toString().replaceFirst("\\.json$", "");
      long start = System.nanoTime();
      VerifyReport report = verify.run(t, "vb" + Long.toHexString(System.nanoTime() & 0xffffff), f.toString(), false);
      double seconds = (System.nanoTime() - start) / 1e9;
      total += seconds;
      if (report.disagreements() > 0) {
        disagreeing++;
        System.out.println(report.table());
      }
      row("verify " + name + " (goal <= 20)", seconds, "s");
      System.out.printf(Locale.ROOT, "   (%s: %d cells, %d disagree, %d untested; load average %s)%n", name,
          report.cells().size(), report.disagreements(), report.untested(), loadAverage());
    }
    row("verify of all " + files.size() + " samples, one after the other (goal <= 180)", total, "s");
    row("samples with a cell that disagrees (goal <= 0)", disagreeing, "samples");
    System.out.printf(Locale.ROOT, "   (samples with a disagreeing cell: %d; load average after: %s)%n", disagreeing,
        loadAverage());
  }

  /** The .json files of each folder named (sorted), and each file named. */
  private static List<Path> samples(List<String> args) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String a : args) {
      Path p = Path.of(a);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          out.addAll(s.filter(x -> x.toString().endsWith(".json")).sorted().toList());
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void row(String name, double value, String unit) {
    System.out.printf(Locale.ROOT, "%-78s %.1f %s%n", name, value, unit);
  }
}
