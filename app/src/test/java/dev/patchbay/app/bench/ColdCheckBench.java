package dev.patchbay.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command's cold start as a user pays it, whole process: `patchbay check` of a sample against
 * `java -version` alone, in the same run, alternating. For the jar (`java -jar`, no archive of the
 * application) and, when the package is installed, for its launcher, which maps the class-data
 * sharing archive its postinst made (/usr/lib/patchbay/lib/app/patchbay.jsa), against its own runtime.
 */
final class ColdCheckBench {
  private static final Path JAR = Path.of("app/target/patchbay.jar");
  private static final Path SAMPLE = Path.of("samples/nat-bridge.json");
  private static final Path LAUNCHER = Path.of("/usr/bin/patchbay");
  private static final Path PACKAGED_JAVA = Path.of("/usr/lib/patchbay/lib/runtime/bin/java");
  private static final int RUNS = 9;

  private ColdCheckBench() {}

  static List<Row> run() throws Exception {
    List<Row> rows = new ArrayList<>();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    rows.addAll(pair("java -jar patchbay.jar", List.of(java, "-jar", JAR.toString(), "check", SAMPLE.toString()),
        List.of(java, "-version"), "no archive of the application"));
    rows.addAll(pair("java -jar with the build's archive", List.of(java, "-XX:SharedArchiveFile=app/target/patchbay.jsa",
        "-Xshare:auto", "-jar", JAR.toString(), "check", SAMPLE.toString()), List.of(java, "-version"),
        "app/target/patchbay.jsa, made by the build (exec-maven-plugin after the jar)"));
    if (Files.isExecutable(LAUNCHER)) {
      rows.addAll(pair("the package's patchbay command", List.of(LAUNCHER.toString(), "check", SAMPLE.toString()),
          List.of(PACKAGED_JAVA.toString(), "-version"), "/usr/bin/patchbay: the bundled runtime straight, with the AppCDS archive postinst made, C1 only"));
    } else {
      rows.add(Row.skipped("patchbay check, the package's patchbay command / java -version", "x", 3,
          "the package is not installed: .ci/package, then dpkg -i app/target/package/*.deb"));
    }
    return rows;
  }

  private static List<Row> pair(String what, List<String> check, List<String> version, String note) throws Exception {
    time(check);
    time(version);
    double[] checkMs = new double[RUNS];
    double[] versionMs = new double[RUNS];
    double[] ratio = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      checkMs[i] = time(check);
      versionMs[i] = time(version);
      ratio[i] = checkMs[i] / versionMs[i];
    }
    return List.of(Row.of("patchbay check of a sample, cold, whole process, " + what, checkMs, "ms", Double.NaN, note),
        Row.of("  java -version alone, next to it", versionMs, "ms", Double.NaN, "the same runtime"),
        Row.of("  ratio check / java -version, " + what, ratio, "x", 3, "one value per alternating pair"));
  }

  private static double time(List<String> command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not end within 120 s");
    }
    return (System.nanoTime() - start) / 1e6;
  }
}
