package dev.patchbay.backends.apply;

import dev.patchbay.backends.netlink.Netns;
import dev.patchbay.backends.os.Programs;
import dev.patchbay.model.plan.Scripts;
import dev.patchbay.model.plan.Step;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One lab's {@code vde_switch}, found again from its run folder alone (vde_switch.pid, stderr.log and
 * the control directory {@code sock/} that QEMU's {@code -netdev vde,sock=} names), so {@code down}
 * in a later process, also after the agent was killed, stops exactly that PID: only while its
 * command line still names this folder's control directory (a reused PID is someone else's).
 */
public final class VdeSwitchProcess {
  private static final Logger LOG = Logger.getLogger(VdeSwitchProcess.class.getName());
  /** sun_path holds 108 bytes; QEMU's libvdeplug binds DIR/.PID-NNNNN and the switch DIR/NNN.FD beside ctl. */
  static final int MAX_CONTROL_DIR = 90;
  private static final int STDERR_LINES = 5;
  private static final Duration POLL = Duration.ofMillis(20);
  static final String PACKAGE_HINT = "install Debian's vde2 package (apt-get install vde2)";

  private final Path runDir;

  public VdeSwitchProcess(Path runDir) {
    this.runDir = runDir;
  }

  public Path runDir() {
    return runDir;
  }

  /** The directory {@code vde_switch -sock} makes and QEMU's {@code sock=} names: its {@code ctl} socket is inside. */
  public Path controlDir() {
    return runDir.resolve("sock");
  }

  Path pidFile() {
    return runDir.resolve("vde_switch.pid");
  }

  Path stderrLog() {
    return runDir.resolve("stderr.log");
  }

  /**
   * The argument list: the design's switch (hub mode, its tap) on this folder's control directory,
   * in the namespace when there is one. No {@code -daemon}: the PID Patchbay starts is the switch's
   * own, and vde_switch reports a tap it cannot open on stderr only while it has one.
   */
  public List<String> command(Step.StartVdeSwitch s, Optional<String> namespace) {
    String dir = controlDir().toString();
    if (dir.getBytes(StandardCharsets.UTF_8).length > MAX_CONTROL_DIR) {
      throw new IllegalArgumentException("VDE switch " + s.name() + ": control directory " + dir + " is longer than "
          + MAX_CONTROL_DIR + " bytes, too long for its unix sockets; choose a shorter state folder or lab name");
    }
    List<String> cmd = new ArrayList<>(List.of(Programs.path("setsid")));
    // nsenter switches only the network namespace, then execs: the PID started is the switch's.
    namespace.ifPresent(ns -> cmd.addAll(List.of(Programs.path("nsenter"), "--net=" + Netns.path(ns),
        "--")));
    List<String> words = new ArrayList<>(Scripts.vdeSwitch(new Step.StartVdeSwitch(s.name(), dir, s.hubMode(), s.tap())));
    words.set(0, Programs.path(words.get(0)));
    cmd.addAll(words);
    return cmd;
  }

  /** Whether {@code program} is an executable file in one of PATH's directories. */
  static boolean installed(String program, String path) {
    return path != null && Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, program)).anyMatch(Files::isExecutable);
  }

  /**
   * Starts the switch and waits until its control socket exists (and, with a tap, until it holds
   * the tap), so guests started next can join it. vde_switch in the foreground ends at EOF on
   * stdin, which /dev/null gives at once: its stdin is a fresh pseudo-terminal whose other side
   * nobody opens, which never delivers a byte nor an EOF.
   */
  public static VdeSwitchProcess start(Path runDir, Step.StartVdeSwitch s, Optional<String> namespace, Duration timeout)
      throws IOException {
    VdeSwitchProcess v = new VdeSwitchProcess(runDir);
    if (!Programs.installed("vde_switch")) {
      throw new IOException("VDE switch " + s.name() + " cannot start: vde_switch is not installed; " + PACKAGE_HINT);
    }
    List<String> cmd = v.command(s, namespace);
    if (v.process().isPresent()) {
      throw new IOException("VDE switch " + s.name() + " runs already (pid " + v.process().get().pid() + ")");
    }
    v.deleteFolder();
    Files.createDirectories(runDir);
    LOG.info(() -> "starting vde_switch " + s.name() + ": " + String.join(" ", cmd));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/ptmx")))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(v.stderrLog().toFile()).start();
    } catch (IOException e) {
      throw new IOException("VDE switch " + s.name() + " cannot start: " + e.getMessage(), e);
    }
    // setsid forks only when it leads a process group, which a JVM's child never does, and nsenter
    // execs: the PID started is the switch's own (process() checks its command line).
    Files.writeString(v.pidFile(), p.pid() + "\n");
    try {
      v.awaitReady(p, s, timeout);
    } catch (IOException e) {
      v.stopProcess(p.toHandle());
      throw e;
    }
    return v;
  }

  private void awaitReady(Process p, Step.StartVdeSwitch s, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!(Files.exists(controlDir().resolve("ctl")) && (s.tap() == null || holdsTap(p.pid(), s.tap())))) {
      if (!p.isAlive()) {
        throw new IOException(ended(s.name(), p.exitValue()));
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("VDE switch " + s.name() + (Files.exists(controlDir().resolve("ctl"))
            ? " could not open its tap " + s.tap() : " made no control socket in " + controlDir())
            + " within " + timeout.toSeconds() + " s: " + String.join(" | ", lastStderr()));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for VDE switch " + s.name(), e);
      }
    }
  }

  private String ended(String name, int status) {
    return "VDE switch " + name + " ended at once (exit " + status + "): " + String.join(" | ", lastStderr());
  }

  /** A tun file descriptor of the process attached to the tap (fdinfo's "iff:" line names it). */
  static boolean holdsTap(long pid, String tap) {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fdinfo"))) {
      return fds.anyMatch(f -> {
        try {
          return Files.readAllLines(f).stream().anyMatch(l -> l.equals("iff:\t" + tap));
        } catch (IOException e) {
          return false;
        }
      });
    } catch (IOException e) {
      return false;
    }
  }

  /** The switch of this folder, while it runs. */
  public Optional<ProcessHandle> process() {
    try {
      long pid = Long.parseLong(Files.readString(pidFile()).strip());
      String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1);
      return cmdline.contains("vde_switch") && cmdline.contains(controlDir().toString())
          ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  public List<String> lastStderr() {
    try {
      List<String> lines = Files.readAllLines(stderrLog(), StandardCharsets.UTF_8);
      return List.copyOf(lines.subList(Math.max(0, lines.size() - STDERR_LINES), lines.size()));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** SIGTERM (vde_switch then removes its sockets), SIGKILL after 5 s; then the run folder goes. */
  public String stop() throws IOException {
    Optional<ProcessHandle> p = process();
    String outcome = p.isEmpty() ? "not running" : stopProcess(p.get());
    deleteFolder();
    return outcome;
  }

  private String stopProcess(ProcessHandle h) {
    h.destroy();
    if (waitFor(h)) {
      return "stopped (pid " + h.pid() + ")";
    }
    h.destroyForcibly();
    waitFor(h);
    return "killed (pid " + h.pid() + ")";
  }

  private static boolean waitFor(ProcessHandle h) {
    try {
      h.onExit().get(5, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !h.isAlive();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return !h.isAlive();
    }
  }

  private void deleteFolder() throws IOException {
    if (!Files.exists(runDir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(runDir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
