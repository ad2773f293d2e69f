package dev.patchbay.backends.qemu;

import dev.patchbay.backends.probe.ProbeReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * One running QEMU: started from an argument list, watched (stopped / booting / running / crashed),
 * its serial console in a file and its last stderr lines kept, stopped gracefully through QMP and,
 * failing that, by destroying exactly this process.
 */
public final class GuestProcess implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(GuestProcess.class.getName());
  private static final int STDERR_LINES = 20;
  /** Console lines a crash report carries: a kernel panic's reason and the lines before it. */
  public static final int CRASH_TAIL = 25;
  private static final Duration QMP_CONNECT = Duration.ofSeconds(10);

  /** The state with what explains it: QEMU's last stderr lines and exit code once it ended. */
  public record Status(GuestState state, List<String> lastStderr, Integer exitCode) {}

  private final GuestLaunch launch;
  private final Process process;
  private final Deque<String> stderr = new ArrayDeque<>();
  private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
  private final Thread stderrReader;
  private final CompletableFuture<Void> exitHandled = new CompletableFuture<>();
  private volatile GuestState state = GuestState.BOOTING;
  private volatile boolean stopRequested;
  /** Connecting may wait for QEMU; state changes must not wait behind it. */
  private final Object qmpLock = new Object();
  private Qmp qmp;

  private GuestProcess(GuestLaunch launch, Process process) {
    this.launch = launch;
    this.process = process;
    stderrReader = new Thread(this::readStderr, "qemu-stderr-" + process.pid());
    stderrReader.setDaemon(true);
    stderrReader.start();
    process.onExit().thenRun(this::exited);
  }

  /** Starts QEMU; the run folder is created and old console, socket and pid files removed. */
  public static GuestProcess start(GuestLaunch launch) throws IOException {
    Files.createDirectories(launch.runDir());
    for (Path old : List.of(launch.serialLog(), launch.qmpSocket(), launch.pidFile())) {
      Files.deleteIfExists(old);
    }
    for (GuestLaunch.FrameDump d : launch.dumps()) {
      Files.deleteIfExists(d.file());
    }
    List<String> cmd = launch.command();
    LOG.info(() -> "starting " + launch.guest().name() + ": " + String.join(" ", cmd));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    return new GuestProcess(launch, p);
  }

  private void readStderr() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String l = line;
        LOG.fine(() -> launch.guest().name() + " stderr: " + l);
        synchronized (stderr) {
          stderr.addLast(line);
          while (stderr.size() > STDERR_LINES) {
            stderr.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      LOG.fine(() -> "stderr of " + launch.guest().name() + " closed: " + e.getMessage());
    }
  }

  private void exited() {
    // The crash report needs the last lines QEMU wrote before it died.
    try {
      stderrReader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    setState(stopRequested ? GuestState.STOPPED : GuestState.CRASHED);
    closeQmp();
    exitHandled.complete(null);
  }

  private void setState(GuestState next) {
    setState(null, next);
  }

  /**
   * Moves to the next state (only from {@code from} when given: a guest found booted must not
   * overwrite a crash noticed meanwhile) and tells the listeners outside the lock.
   */
  private void setState(GuestState from, GuestState next) {
    synchronized (this) {
      if (state == next || (from != null && state != from)) {
        return;
      }
      state = next;
    }
    Status s = status();
    LOG.info(() -> launch.guest().name() + " is " + next.name().toLowerCase(Locale.ROOT)
        + (next == GuestState.CRASHED ? " (exit " + s.exitCode() + "): " + String.join(" | ", s.lastStderr())
            + "; its console ended: " + String.join(" | ", consoleTail(CRASH_TAIL)) : ""));
    listeners.forEach(l -> l.accept(s));
  }

  public void onStatus(Consumer<Status> listener) {
    listeners.add(listener);
  }

  public GuestLaunch launch() {
    return launch;
  }

  public long pid() {
    return process.pid();
  }

  /** Checks whether the guest has come up; the state moves from booting to running once it has. */
  public GuestState state() {
    if (state == GuestState.BOOTING && !process.isAlive()) {
      return state;
    }
    if (state == GuestState.BOOTING && hasBooted()) {
      setState(GuestState.BOOTING, GuestState.RUNNING);
    }
    return state;
  }

  public Status status() {
    synchronized (stderr) {
      return new Status(state, List.copyOf(stderr), process.isAlive() ? null : process.exitValue());
    }
  }

  /** Probe guest: it printed PB-READY. Disk image: QEMU's own run state is "running". */
  private boolean hasBooted() {
    if (launch.isProbe()) {
      return report().ready();
    }
    try {
      return "running".equals(qmp().queryStatus());
    } catch (IOException | QmpException e) {
      return false;
    }
  }

  /** The serial console so far (empty before QEMU creates the file). */
  public String console() {
    try {
      return Files.readString(launch.serialLog(), StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The last lines of the serial console, for a crash report: a guest that ended by itself (a
   * kernel panic with -no-reboot ends QEMU with exit 0 and nothing on stderr) says why only there.
   */
  public List<String> consoleTail(int lines) {
    try {
      return tail(console(), lines);
    } catch (UncheckedIOException e) {
      // The report of a crash must not fail for want of its console.
      return List.of("(serial.log unreadable: " + e.getCause().getMessage() + ")");
    }
  }

  static List<String> tail(String text, int lines) {
    List<String> all = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return all.subList(Math.max(0, all.size() - lines), all.size());
  }

  /** The probe guest's PB lines read from the console. */
  public ProbeReport report() {
    return ProbeReport.parse(console());
  }

  /** The QMP connection, opened on first use. */
  public Qmp qmp() throws IOException {
    synchronized (qmpLock) {
      if (qmp == null) {
        qmp = Qmp.connect(launch.qmpSocket(), QMP_CONNECT);
      }
      return qmp;
    }
  }

  /** Polls until the condition holds, QEMU ends, or the deadline passes. */
  public boolean await(Predicate<GuestProcess> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.test(this)) {
        return true;
      }
      if (!process.isAlive()) {
        awaitExitHandled();
        return condition.test(this);
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return condition.test(this);
  }

  private void awaitExitHandled() throws InterruptedException {
    try {
      exitHandled.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warning(() -> "exit of " + launch.guest().name() + " not handled in time: " + e);
    }
  }

  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return await(g -> g.state() == GuestState.RUNNING, timeout);
  }

  /** Resident memory of the QEMU process in KiB, from /proc, while it runs. */
  public Optional<Long> residentKiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Stops the guest: ACPI power-down and up to {@code grace} for the OS to shut down (zero skips
   * it: the probe guest has nothing to save), then QMP quit, then destroying this process only.
   */
  public void stop(Duration grace) throws InterruptedException {
    stopRequested = true;
    if (!process.isAlive()) {
      setState(state == GuestState.CRASHED ? GuestState.CRASHED : GuestState.STOPPED);
      return;
    }
    if (!grace.isZero() && tryQmp(Qmp::systemPowerdown) && process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      return;
    }
    if (tryQmp(Qmp::quit) && process.waitFor(5, TimeUnit.SECONDS)) {
      return;
    }
    LOG.warning(() -> launch.guest().name() + " ignored QMP quit; destroying QEMU pid " + pid());
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  private boolean tryQmp(Consumer<Qmp> action) {
    try {
      action.accept(qmp());
      return true;
    } catch (IOException | QmpException e) {
      LOG.info(() -> "QMP on " + launch.guest().name() + " failed: " + e.getMessage());
      return false;
    }
  }

  private void closeQmp() {
    synchronized (qmpLock) {
      if (qmp != null) {
        try {
          qmp.close();
        } catch (IOException e) {
          LOG.fine(() -> "closing QMP: " + e.getMessage());
        }
        qmp = null;
      }
    }
  }

  /** Stops the guest without a power-down grace period. */
  @Override
  public void close() throws InterruptedException {
    stop(launch.isProbe() ? Duration.ZERO : Duration.ofSeconds(30));
  }
}
