package dev.patchbay.app.cli;

import dev.patchbay.model.net.LabName;
import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LabService;
import dev.patchbay.backends.lab.LocalLabService;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchbay guests LAB}: each guest patchbay up started, its state and QEMU's last stderr lines. */
@Command(name = "guests", mixinStandardHelpOptions = true,
    description = {"Show the guests patchbay up started for a lab: stopped, booting, running or",
        "crashed, with QEMU's last stderr lines. Exit status: 0 shown, 2 no such lab."})
public final class GuestsCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LAB", description = "The lab's name (see patchbay labs).")
  String lab;

  @Override
  public Integer call() throws IOException {
    String name = LabName.checked(lab);
    List<LabService.GuestState> guests;
    try (LocalLabService service = LabCommands.service()) {
      if (service.labs().stream().noneMatch(l -> l.lab().equals(name))) {
        spec.commandLine().getErr().println("patchbay guests: no lab named " + name + " (see patchbay labs)");
        return PatchbayCli.UNREADABLE;
      }
      guests = service.guests(name);
    } catch (LabException e) {
      spec.commandLine().getErr().println("patchbay guests: " + e.getMessage());
      return LabCommands.exitCode(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (guests.isEmpty()) {
      out.println("Lab " + name + " has no guests started by patchbay up.");
    }
    guests.forEach(g -> {
      out.println(g.name() + "  " + g.state());
      g.stderr().forEach(line -> out.println("    " + line));
    });
    out.flush();
    return PatchbayCli.OK;
  }
}
