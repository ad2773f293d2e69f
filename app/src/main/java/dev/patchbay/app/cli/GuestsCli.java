package dev.patchbay.app.cli;

import dev.patchbay.backends.apply.LabName;
import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.Sandbox;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.qemu.GuestProcess;
import dev.patchbay.backends.qemu.LabGuestStarter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchbay guests LAB}: each guest of an applied lab, stopped / booting / running / crashed. */
@Command(name = "guests", mixinStandardHelpOptions = true,
    description = {"Show the state of each guest patchbay up started for a lab (stopped, booting,",
        "running, crashed) with QEMU's last stderr lines. Exit status: 0 shown, 2 no such lab."})
public final class GuestsCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LAB", description = "The lab's name (see patchbay labs).")
  String lab;

  /** Where a lab's guests run: the sandbox's host namespace, the named namespace, or the host itself. */
  static Optional<String> namespaceOf(TargetSpec where, String lab) {
    return where.hostNamespace(lab);
  }

  @Override
  public Integer call() throws java.io.IOException {
    String name = LabName.checked(lab);
    Labs labs = Labs.standard();
    if (!labs.journal(name).exists()) {
      spec.commandLine().getErr().println("patchbay guests: no lab named " + name + " (see patchbay labs)");
      return PatchbayCli.UNREADABLE;
    }
    PrintWriter out = spec.commandLine().getOut();
    Map<String, GuestProcess.Status> states = LabGuestStarter.states(labs.root(), name);
    if (states.isEmpty()) {
      out.println("Lab " + name + " has no guests started by patchbay up.");
    }
    states.forEach((guest, s) -> {
      out.println(guest + "  " + s.state().name().toLowerCase(Locale.ROOT));
      s.lastStderr().forEach(line -> out.println("    " + line));
    });
    out.flush();
    return PatchbayCli.OK;
  }
}
