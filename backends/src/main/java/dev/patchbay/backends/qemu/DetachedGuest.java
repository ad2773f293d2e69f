package dev.patchbay.backends.qemu;

import dev.patchbay.backends.probe.ProbeReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A lab guest's QEMU that outlives {@code patchbay up}: started under {@code setsid} (a closed
 * terminal's SIGHUP does not reach it) with stderr to a file, found again later from its run folder
 * alone (qemu.pid, qmp.sock, serial.log, stderr.log), stopped by that PID once its command line
 * still names the folder's QMP socket (a reused PID is someone else's process).
 */
public final class DetachedGuest {
  private static final Logger LOG = Logger.getLogger(DetachedGuest.class.getName());
  private static final int STDERR_LINES = 5;
  /** Written when Patchbay stops the guest: an ended QEMU without it crashed. */
  static final String STOPPED_MARK = "stopped";

  private final Path runDir;

  public DetachedGuest(Path runDir) {
    this.runDir = runDir;
  }

  public Path runDir() {
    return runDir;
  }

  /** Starts QEMU detached and waits until it answers QMP (its netdevs, listening sockets included, exist then). */
  public static DetachedGuest start(GuestLaunch launch, Duration qmpTimeout) throws IOException {
    Files.createDirectories(launch.runDir());
    DetachedGuest d = new DetachedGuest(launch.runDir());
    for (Path old : List.of(launch.serialLog(), launch.qmpSocket(), launch.consoleSocket(), launch.displaySocket(), launch.pidFile(), d.stderrLog(), d.stoppedMark())) {
      Files.deleteIfExists(old);
    }
    List<String> cmd = new java.util.ArrayList<>(List.of(dev.patchbay.backends.os.Programs.path("setsid")));
    cmd.addAll(launch.command());
    LOG.info(() -> "starting " + launch.guest().name() + " detached: " + String.join(" ", cmd));
    Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(d.stderrLog().toFile()).start();
    try (Qmp qmp = Qmp.connect(launch.qmpSocket(), qmpTimeout, p::isAlive)) {
      LOG.fine(() -> launch.guest().name() + " answers QMP: " + qmp.queryStatus());
    } catch (IOException | QmpException e) {
      String why = String.join("; ", d.lastStderr());
      p.destroy();
      d.removeAfter(p);
      throw new IOException("guest " + launch.guest().name() + " did not come up: " + why, e);
    }
    return d;
  }

  /** A guest that never came up leaves no run folder behind: nothing of it is left to show or stop. */
  private void removeAfter(Process p) {
    try {
      p.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
      try (var files = Files.walk(runDir)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.warning("could not remove the run folder " + runDir + " of a guest that did not come up: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  Path stderrLog() {
    return runDir.resolve("stderr.log");
  }

  private Path stoppedMark() {
    return runDir.resolve(STOPPED_MARK);
  }

  private Path qmpSocket() {
    return runDir.resolve("qmp.sock");
  }

  /** The QEMU process of this folder, while it runs. */
  public Optional<ProcessHandle> process() {
    try {
      long pid = Long.parseLong(Files.readString(runDir.resolve("qemu.pid")).strip());
      Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1);
      return cmdline.contains(qmpSocket().toString()) ? h : Optional.empty();
    } catch (NoSuchFileException | NumberFormatException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Stopped, booting, running or crashed, with QEMU's last stderr lines. */
  public GuestProcess.Status status() {
    Optional<ProcessHandle> p = process();
    if (p.isEmpty()) {
      boolean asked = Files.exists(stoppedMark()) || !Files.exists(runDir.resolve("qemu.pid"));
      return new GuestProcess.Status(asked ? GuestState.STOPPED : GuestState.CRASHED, lastStderr(), null);
    }
    return new GuestProcess.Status(booted() ? GuestState.RUNNING : GuestState.BOOTING, lastStderr(), null);
  }

  /** Probe guest: PB-READY on its console; any other: QEMU's run state is "running". */
  private boolean booted() {
    if (isProbe()) {
      try {
        return ProbeReport.parse(Files.readString(runDir.resolve("serial.log"), StandardCharsets.ISO_8859_1)).ready();
      } catch (IOException e) {
        return false;
      }
    }
    try (Qmp qmp = Qmp.connect(qmpSocket(), Duration.ofSeconds(2))) {
      return "running".equals(qmp.queryStatus());
    } catch (IOException | QmpException e) {
      return false;
    }
  }

  /** The running QEMU boots the probe guest (its kernel command line carries pb.name=). */
  public boolean isProbe() {
    return process().map(h -> {
      try {
        return Files.readString(Path.of("/proc", Long.toString(h.pid()), "cmdline"), StandardCharsets.ISO_8859_1)
            .contains("pb.name=");
      } catch (IOException e) {
        return false;
      }
    }).orElse(false);
  }

  public List<String> lastStderr() {
    try {
      List<String> lines = Files.readAllLines(stderrLog(), StandardCharsets.UTF_8);
      return List.copyOf(lines.subList(Math.max(0, lines.size() - STDERR_LINES), lines.size()));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** ACPI power-down and up to {@code grace} (zero skips it), then QMP quit, then the PID's signals. */
  public String stop(Duration grace) throws IOException, InterruptedException {
    Optional<ProcessHandle> p = process();
    Files.writeString(stoppedMark(), "");
    if (p.isEmpty()) {
      return "not running";
    }
    ProcessHandle h = p.get();
    if (!grace.isZero() && qmp(Qmp::systemPowerdown) && waitFor(h, grace)) {
      return "powered down (pid " + h.pid() + ")";
    }
    if (qmp(Qmp::quit) && waitFor(h, Duration.ofSeconds(5))) {
      return "quit (pid " + h.pid() + ")";
    }
    h.destroy();
    if (!waitFor(h, Duration.ofSeconds(5))) {
      h.destroyForcibly();
      waitFor(h, Duration.ofSeconds(5));
    }
    return "killed (pid " + h.pid() + ")";
  }

  private boolean qmp(java.util.function.Consumer<Qmp> action) {
    try (Qmp qmp = Qmp.connect(qmpSocket(), Duration.ofSeconds(3))) {
      action.accept(qmp);
      return true;
    } catch (IOException | QmpException e) {
      LOG.info(() -> "QMP in " + runDir + " failed: " + e.getMessage());
      return false;
    }
  }

  private static boolean waitFor(ProcessHandle h, Duration d) throws InterruptedException {
    try {
      h.onExit().get(d.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return !h.isAlive();
    }
  }
}
