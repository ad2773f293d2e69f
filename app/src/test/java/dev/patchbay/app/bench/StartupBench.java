package dev.patchbay.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * App start to first frame: {@code java -jar app/target/patchbay.jar} started as a process on the
 * benchmark's display, timed from the process start to the line its first-frame probe logs when
 * the first pulse after showing the window runs (then the designer quits by itself).
 */
final class StartupBench {
  /** This checkout's jar; {@code -Dpatchbay.bench.jar=...} times another build (a before/after in one run). */
  private static final Path JAR = Path.of(System.getProperty("patchbay.bench.jar", "app/target/patchbay.jar"));
  private static final int RUNS = 5;
  private static final java.util.regex.Pattern CPU = java.util.regex.Pattern.compile("\\((\\d+) ms of CPU, (\\d+) ms");

  private StartupBench() {}

  static List<Row> run() throws Exception {
    String name = "app start to first frame, java -jar patchbay.jar";
    if (!Files.isRegularFile(JAR)) {
      return List.of(Row.skipped(name, "ms", 2000, JAR + " is missing: build with mvn package first"));
    }
    if (System.getenv("DISPLAY") == null) {
      return List.of(Row.skipped(name, "ms", 2000, "no DISPLAY: run through .ci/bench, which starts Xvfb"));
    }
    launch(); // the first start also unpacks JavaFX's native libraries: not what a user sees twice
    Path big = Files.createTempFile("pb-bench-2000-", ".json");
    try {
      Files.writeString(big, dev.patchbay.model.format.TopologyFiles.toJson(
          dev.patchbay.model.generate.TopologyGenerator.generate(CanvasBench.NODES, 7)));
      double[][] empty = new double[3][RUNS];
      double[][] open = new double[3][RUNS];
      for (int i = 0; i < RUNS; i++) { // alternating, so both see the same neighbours' load
        put(empty, i, launch());
        put(open, i, launch(big.toString()));
      }
      return List.of(Row.of(name, empty[0], "ms", 2000, "process start to the end of the first frame painted"
          + " after the window is shown, Xvfb, software rendering, JVM defaults, the build's AppCDS archive"
          + " (app/target/patchbay.jsa; its classes are those of a check: the designer's own are loaded as before); "
          + cpu(empty)),
          Row.of("open a " + CanvasBench.NODES + "-element file to the first usable frame, java -jar patchbay.jar FILE",
              open[0], "ms", 2000, "as above with a generated design (no layout: Fit shows it whole, an overview) on"
              + " the command line: read, checked, drawn and painted; " + cpu(open)));
    } finally {
      Files.deleteIfExists(big);
    }
  }

  private static void put(double[][] into, int i, double[] wallCpuFx) {
    for (int k = 0; k < 3; k++) {
      into[k][i] = wallCpuFx[k];
    }
  }

  /** The medians of the process's and the FX thread's CPU time, which a busy machine does not inflate. */
  private static String cpu(double[][] m) {
    return "CPU time of the process " + Row.fmt(CanvasBench.median(m[1])) + " ms, of the FX thread "
        + Row.fmt(CanvasBench.median(m[2])) + " ms (medians)";
  }

  /** Wall time, the process's CPU time and the FX thread's, in ms, to the probe's line. */
  private static double[] launch(String... args) throws IOException, InterruptedException {
    Path home = Files.createTempDirectory("pb-bench-home");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // As the README starts it: with the build's class-data-sharing archive when it is there.
    List<String> cmd = new ArrayList<>(List.of(java, "-Dpatchbay.firstFrameProbe=true",
        "-Djava.util.prefs.userRoot=" + home));
    Path archive = JAR.resolveSibling("patchbay.jsa");
    if (Files.isRegularFile(archive)) {
      cmd.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
    }
    cmd.addAll(List.of("-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectErrorStream(true);
    long start = System.nanoTime();
    Process p = pb.start();
    List<String> seen = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.contains("first frame after")) {
          double ms = (System.nanoTime() - start) / 1e6;
          p.waitFor(30, TimeUnit.SECONDS);
          java.util.regex.Matcher m = CPU.matcher(line);
          return m.find() ? new double[] {ms, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))}
              : new double[] {ms, Double.NaN, Double.NaN};
        }
        seen.add(line);
      }
    } finally {
      if (p.isAlive()) {
        p.destroy();
      }
      deleteTree(home);
    }
    throw new IOException("the designer ended without a first frame: " + String.join("\n", seen));
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
