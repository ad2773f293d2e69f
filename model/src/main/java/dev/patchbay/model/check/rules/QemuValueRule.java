package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.check.fix.Renames;
import dev.patchbay.model.qemu.QemuValues;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every value that reaches a QEMU or vde_switch argument list holds only what its option allows
 * ({@link QemuValues}): a file from someone else must not pick the program that runs, add options to
 * QEMU's option lists. What this rule reports, the command lines refuse to render, so {@code check}
 * refuses what {@code up} and export would. Names of processes are {@link ProcessNameRule}'s.
 */
public final class QemuValueRule implements Rule {
  static final RuleInfo ARCH = new RuleInfo("qemu.arch", Severity.ERROR,
      "A guest runs as the program qemu-system-ARCH, as root when the lab is live: the arch picks which program"
          + " that is, so it must be one of QEMU's system targets (x86_64, aarch64, ...), never a path.");
  static final RuleInfo MACHINE = new RuleInfo("qemu.machine", Severity.ERROR,
      "-machine takes a machine type and then options after commas (pc,dumpdtb=FILE writes a file, firmware="
          + " loads one): the machine field is the type alone, one plain word such as pc or q35.");
  static final RuleInfo MEMORY = new RuleInfo("qemu.memory", Severity.ERROR,
      "-m gives a guest its RAM in MiB; QEMU refuses zero or a negative size and the guest never starts.");
  static final RuleInfo DISK = new RuleInfo("qemu.disk", Severity.ERROR,
      "-drive file=PATH reads \"NAME:\" before any '/' as a protocol (json:{...} sets any block option, nbd: and"
          + " http: reach out to the network), and no argument may hold control characters: a disk is a plain path.");
  static final RuleInfo NIC_NAME = new RuleInfo("qemu.nic-name", Severity.ERROR,
      "A NIC's name makes its QEMU netdev id (net-NAME): letters, digits, '.', '-' and '_' only, or a comma would"
          + " add options to the netdev.");
  static final RuleInfo SOCKET_PATH = new RuleInfo("vde.socket-path", Severity.ERROR,
      "A VDE switch's socket path is the folder vde_switch makes for its control socket (vde_switch -sock, QEMU"
          + " sock=): an absolute path without '..' or control characters, short enough that PATH/ctl fits a unix"
          + " socket address (107 bytes).");
  static final RuleInfo SOCKET_SHARED = new RuleInfo("vde.socket-shared", Severity.WARNING,
      "A socket folder in /tmp, /var/tmp or /dev/shm has a name any user can create first, and the switch runs as"
          + " root: whoever made it first controls what the switch opens. Leave the socket path empty and Patchbay"
          + " uses a folder under /run/patchbay that only root can write.");
  static final RuleInfo SOCKET_HOST = new RuleInfo("socket.host", Severity.ERROR,
      "A socket link's host goes into QEMU's listen=, connect=, mcast= or addr.host= option: an IPv4 address or a"
          + " host name, nothing that could add options.");

  private static final List<String> SHARED_FOLDERS = List.of("/tmp/", "/var/tmp/", "/dev/shm/");

  @Override
  public String id() {
    return "qemu";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(ARCH, MACHINE, MEMORY, DISK, NIC_NAME, SOCKET_PATH, SOCKET_SHARED, SOCKET_HOST);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesOnly(c, Set.of(Guest.class, VdeSwitch.class, Socket.class));
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    for (Element e : t.elements()) {
      if (e instanceof Guest g) {
        guest(g, out);
      } else if (e instanceof VdeSwitch v) {
        vdeSwitch(v, out);
      } else if (e instanceof Socket s) {
        report(out, SOCKET_HOST, s, "host", QemuValues.hostProblem(s.host()), "Use an IPv4 address such as 127.0.0.1.",
            beforeComma(s.host(), QemuValues::hostProblem).map(h -> Fixes.element("Set the host of " + s.id() + " to " + h,
                s.id(), Socket.class, now -> new Socket(now.id(), now.name(), now.transport(), h, now.port(),
                    now.peerPort()))));
      }
    }
    return out;
  }

  private static void guest(Guest g, List<Diagnostic> out) {
    report(out, ARCH, g, "arch", QemuValues.archProblem(g.arch()), "Set arch to the guest's system target, such as x86_64.");
    report(out, MACHINE, g, "machine", QemuValues.machineProblem(g.machine()),
        "Set machine to a type alone, such as pc or q35.", beforeComma(g.machine(), QemuValues::machineProblem)
            .map(m -> Fixes.element("Set the machine of " + g.id() + " to " + m + " (without the options after it)",
                g.id(), Guest.class, now -> now.withMachine(m))));
    report(out, MEMORY, g, "memoryMiB", QemuValues.memoryProblem(g.memoryMiB()), "Give the guest 128 MiB or more.",
        Optional.of(Fixes.element("Give " + g.id() + " 128 MiB of memory", g.id(), Guest.class, now -> now.withMemory(128))));
    report(out, DISK, g, "disk", QemuValues.diskProblem(g.disk()), "Give the disk image's path, starting with / or ./.");
    for (int i = 0; i < g.nics().size(); i++) {
      Nic n = g.nics().get(i);
      report(out, NIC_NAME, g, "nics[" + i + "].name", QemuValues.nicNameProblem(n.name()),
          "Rename the NIC, e.g. nic" + i + ".", Optional.of(Renames.nic(g, i)));
    }
  }

  private static void vdeSwitch(VdeSwitch v, List<Diagnostic> out) {
    report(out, SOCKET_PATH, v, "socketPath", QemuValues.socketPathProblem(v.socketPath()),
        "Leave the socket path empty (a private folder under " + VdeSwitch.RUNTIME_ROOT + ") or give a short absolute"
            + " folder.", Optional.of(clearSocketPath(v)));
    if (v.hasOwnSocketPath() && SHARED_FOLDERS.stream().anyMatch(v.socketPath()::startsWith)) {
      out.add(Names.finding(SOCKET_SHARED, Names.of(v) + ", field socketPath: " + Printable.quoted(v.socketPath())
              + " is in a folder every user can write", List.of(v.id()), SOCKET_SHARED.explain(), clearSocketPath(v)));
    }
  }

  private static Fix clearSocketPath(VdeSwitch v) {
    String what = "Clear the socket path of " + v.name() + " (a private folder under " + VdeSwitch.RUNTIME_ROOT + ")";
    return Fixes.element(what, v.id(), VdeSwitch.class, now -> new VdeSwitch(now.id(), now.name(), null, now.hubMode()));
  }

  /**
   * A value with options smuggled in after a comma ("pc,dumpdtb=/tmp/x", "127.0.0.1,fd=3"): what
   * comes before the comma, when that alone is a good value, is what the user meant.
   */
  private static Optional<String> beforeComma(String value, Function<String, Optional<String>> problem) {
    if (value == null || value.indexOf(',') <= 0) {
      return Optional.empty();
    }
    String head = value.substring(0, value.indexOf(','));
    return problem.apply(head).isEmpty() ? Optional.of(head) : Optional.empty();
  }

  private static void report(List<Diagnostic> out, RuleInfo info, Element e, String field, Optional<String> problem,
      String hint, Optional<Fix> fix) {
    if (fix.isEmpty()) {
      report(out, info, e, field, problem, hint);
      return;
    }
    problem.ifPresent(p -> out.add(Names.finding(info, Names.of(e) + ", field " + field + ": " + p, List.of(e.id()),
        info.explain(), fix.get())));
  }

  private static void report(List<Diagnostic> out, RuleInfo info, Element e, String field, Optional<String> problem,
      String fix) {
    problem.ifPresent(p -> out.add(Names.finding(info, Names.of(e) + ", field " + field + ": " + p, List.of(e.id()),
        info.explain(), fix)));
  }
}
