package dev.patchbay.app.bench;

import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.lab.AgentClient;
import dev.patchbay.backends.lab.LabService;
import dev.patchbay.model.format.TopologyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The designer's counter polling as the agent pays for it: a real agent process (`patchbay agent`),
 * the nat-bridge sample up in a sandbox with its two probe guests, then 600 polls at 10 Hz (the
 * designer's fastest rate) after 20 to warm up; the agent's CPU (utime + stime from /proc) per poll.
 * Needs root (the sandbox) and the probe guest's packages (apt).
 */
final class AgentPollBench {
  private static final int WARM = 20;
  private static final int POLLS = 600;
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private AgentPollBench() {}

  static List<Row> run() throws Exception {
    if (!"root".equals(System.getProperty("user.name"))) {
      return List.of(Row.skipped("agent CPU per counter poll at 10 Hz, nat-bridge", "ms", Double.NaN,
          "needs root (a sandbox): run through .ci/bench as root"));
    }
    Path state = Files.createTempDirectory("pb-poll-bench");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process agent = new ProcessBuilder(javaBin, "-Dpatchbay.state=" + state, "-cp", System.getProperty("java.class.path"),
        "dev.patchbay.app.Main", "agent").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (LabService service = AgentClient.connect(dev.patchbay.app.lab.AgentProcess.over(agent))) {
      service.up(new LabService.UpRequest("pollbench", TopologyFiles.load(Path.of("samples", "nat-bridge.json")),
          TargetSpec.sandbox(), 0, "bench"), LabService.UpListener.NONE);
      try {
        for (int i = 0; i < WARM; i++) {
          service.counters("pollbench");
          TimeUnit.MILLISECONDS.sleep(100);
        }
        long cpu0 = cpuTicks(agent.pid());
        long next = System.nanoTime();
        for (int i = 0; i < POLLS; i++) {
          service.counters("pollbench");
          next += TimeUnit.MILLISECONDS.toNanos(100);
          TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        }
        double ms = 1000.0 * (cpuTicks(agent.pid()) - cpu0) / TICKS_PER_SECOND / POLLS;
        return List.of(Row.single("agent CPU per counter poll at 10 Hz, nat-bridge", ms, "ms", Double.NaN,
            POLLS + " polls naming the lab only (the agent keeps the design); two probe guests running; "
                + String.format(java.util.Locale.ROOT, "%.1f%% of one core", ms / 100 * 100)));
      } finally {
        service.down("pollbench");
      }
    } finally {
      agent.destroy();
      agent.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
