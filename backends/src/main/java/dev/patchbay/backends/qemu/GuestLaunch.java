package dev.patchbay.backends.qemu;

import dev.patchbay.backends.os.Programs;
import dev.patchbay.backends.probe.ProbeGuest;
import dev.patchbay.backends.probe.ProbeSettings;
import dev.patchbay.model.qemu.QemuCommandLine;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything needed to start one guest's QEMU: the design's network arguments, what to boot (its
 * disk image, or the probe guest's kernel and initramfs with settings on the kernel command line),
 * where its serial console, QMP socket and pid file go, which netdevs to record, and the network
 * namespace it runs in.
 */
public final class GuestLaunch {
  /** The probe guest's kernel and busybox need this much RAM (FACTS: less fails to boot). */
  public static final int PROBE_MIN_MEMORY_MIB = 96;
  /** sun_path holds 108 bytes, NUL included. */
  private static final int MAX_SOCKET_PATH = 107;

  private final Guest guest;
  private final List<String> networkArguments;
  private final Path runDir;
  private ProbeGuest probe;
  private ProbeSettings settings;
  private String namespace;
  private boolean consoleInput;
  private boolean consoleShell;
  private boolean vncDisplay;
  private final List<FrameDump> dumps = new ArrayList<>();

  /** One {@code filter-dump} started with the guest. */
  public record FrameDump(String id, String netdev, Path file, int snapLength) {}

  public GuestLaunch(Guest guest, List<String> networkArguments, Path runDir) {
    this.guest = guest;
    this.networkArguments = List.copyOf(networkArguments);
    this.runDir = runDir;
    for (Path p : List.of(qmpSocket(), serialLog(), consoleSocket(), displaySocket())) {
      if (p.toString().contains(",")) {
        throw new IllegalArgumentException("QEMU reads ',' in " + p + " as an option separator; choose another run folder");
      }
    }
    checkSocketPath("QMP socket", qmpSocket());
  }

  private static void checkSocketPath(String what, Path socket) {
    if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
      throw new IllegalArgumentException(what + " path " + socket + " is longer than a unix socket allows ("
          + MAX_SOCKET_PATH + " bytes); choose a shorter run folder");
    }
  }

  /** The guest as drawn in the topology, its network arguments from {@link QemuCommandLine}. */
  public static GuestLaunch of(Topology topology, Guest guest, Path runDir) {
    return new GuestLaunch(guest, new QemuCommandLine(topology).networkArguments(guest), runDir);
  }

  /** Boots Patchbay's probe guest instead of a disk image. */
  public GuestLaunch probe(ProbeGuest probeGuest, ProbeSettings probeSettings) {
    this.probe = probeGuest;
    this.settings = probeSettings;
    return this;
  }

  /**
   * Runs QEMU in a named network namespace (as made by {@code ip netns add}), so its taps and
   * sockets live there.
   */
  public GuestLaunch inNamespace(String name) {
    this.namespace = dev.patchbay.backends.netlink.NamespaceName.checked(name);
    return this;
  }

  /**
   * Lets Patchbay type into the serial console through a unix socket ({@link #consoleSocket}) while
   * QEMU still writes everything the guest prints to {@link #serialLog}: verify sends a probe guest
   * its probes this way once every guest is ready.
   */
  public GuestLaunch withConsoleInput() {
    checkSocketPath("console socket", consoleSocket());
    this.consoleInput = true;
    return this;
  }

  /**
   * A probe guest of a lab (not of verify) gives its console to a shell once it is ready, for the
   * user's terminal: pb.shell=1 on its kernel command line. Verify's probe guests keep reading probe
   * rounds there, with no prompt to glue to their result lines.
   */
  public GuestLaunch withConsoleShell() {
    withConsoleInput();
    this.consoleShell = true;
    return this;
  }

  /**
   * Shows the guest's screen through QEMU's own VNC server on {@link #displaySocket}, a unix socket
   * in the run folder (no TCP port anyone on the network could reach). Only a lab's guest whose
   * design asks for it; verify's probe guests stay headless.
   */
  public GuestLaunch withVncDisplay() {
    checkSocketPath("display socket", displaySocket());
    this.vncDisplay = true;
    return this;
  }

  /** Where QEMU's VNC server listens when {@link #withVncDisplay} asked for it. */
  public Path displaySocket() {
    return runDir.resolve("display.sock");
  }

  /** Records every frame of the netdev, both ways, into run folder/frames-NETDEV.pcap. */
  public GuestLaunch dumpFrames(String netdevId, int snapLength) {
    if (!netdevId.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("netdev id '" + netdevId + "' is not a QEMU id");
    }
    dumps.add(new FrameDump("dump-" + netdevId, netdevId, runDir.resolve("frames-" + netdevId + ".pcap"), snapLength));
    return this;
  }

  public Guest guest() {
    return guest;
  }

  public Path runDir() {
    return runDir;
  }

  public Path serialLog() {
    return runDir.resolve("serial.log");
  }

  /** Where the console listens for input when {@link #withConsoleInput} asked for it. */
  public Path consoleSocket() {
    return runDir.resolve("console.sock");
  }

  public Path qmpSocket() {
    return runDir.resolve("qmp.sock");
  }

  public Path pidFile() {
    return runDir.resolve("qemu.pid");
  }

  public List<FrameDump> dumps() {
    return List.copyOf(dumps);
  }

  public boolean isProbe() {
    return probe != null;
  }

  public Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  /** The full argument list, namespace prefix first when there is one. */
  public List<String> command() {
    List<String> cmd = new ArrayList<>();
    namespace().ifPresent(ns -> cmd.addAll(namespacePrefix(ns)));
    // Every value checked for its option (QemuValues), the program found by absolute path.
    cmd.add(Programs.path(QemuCommandLine.program(guest)));
    cmd.addAll(QemuCommandLine.nameAndMachine(guest));
    cmd.addAll(List.of("-m", Integer.toString(isProbe() ? Math.max(PROBE_MIN_MEMORY_MIB, guest.memoryMiB()) : guest.memoryMiB())));
    cmd.addAll(List.of("-display", vncDisplay ? "vnc=unix:" + displaySocket() : "none", "-monitor", "none"));
    if (consoleInput) {
      cmd.addAll(List.of("-chardev", "socket,id=pbconsole,path=" + consoleSocket() + ",server=on,wait=off,logfile="
          + serialLog(), "-serial", "chardev:pbconsole"));
    } else {
      cmd.addAll(List.of("-serial", "file:" + serialLog()));
    }
    cmd.addAll(List.of("-qmp", "unix:" + qmpSocket() + ",server=on,wait=off", "-pidfile", pidFile().toString()));
    if (isProbe()) {
      // The probe guest never reboots: a panic ends QEMU, which the launcher reports as a crash.
      cmd.addAll(List.of("-kernel", probe.kernel().toString(), "-initrd", probe.initrd().toString(),
          "-append", settings.kernelCommandLine() + (consoleShell ? " pb.shell=1" : ""), "-no-reboot"));
      // QEMU's e1000 brings its link up 0.5 s after the driver starts autonegotiation, and Linux's
      // e1000 notices only at its next 2 s watchdog: without autonegotiation the link is up at once.
      // The design's guests keep the card as drawn; the probe guest standing in for one needs no
      // negotiation to show what the network lets through.
      cmd.addAll(List.of("-global", "e1000.autonegotiation=off"));
    } else {
      cmd.addAll(QemuCommandLine.drive(guest));
    }
    cmd.addAll(networkArguments);
    for (FrameDump d : dumps) {
      cmd.addAll(List.of("-object", "filter-dump,id=" + d.id() + ",netdev=" + d.netdev() + ",file="
          + d.file().toString().replace(",", ",,") + ",maxlen=" + d.snapLength()));
    }
    return cmd;
  }

  /**
   * nsenter switches only the network namespace and then execs QEMU, so the process Java started is
   * QEMU itself (its PID is the one to stop) and it sees the same files as Patchbay. {@code ip netns
   * exec} would also exec, but builds a new mount namespace with /etc/netns overlays and a fresh /sys.
   */
  static List<String> namespacePrefix(String namespace) {
    return List.of(Programs.path("nsenter"), "--net=" + dev.patchbay.backends.netlink.Netns.path(namespace), "--");
  }
}
