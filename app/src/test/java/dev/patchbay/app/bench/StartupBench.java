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
    double[] ms = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      ms[i] = launch();
    }
    return List.of(Row.of(name, ms, "ms", 2000, "process start to the first pulse after the window is shown,"
        + " Xvfb, software rendering, JVM defaults, the build's AppCDS archive (app/target/patchbay.jsa; its classes"
        + " are those of a check: the designer's own are loaded as before)"));
  }

  private static double launch() throws IOException, InterruptedException {
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
          return ms;
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
