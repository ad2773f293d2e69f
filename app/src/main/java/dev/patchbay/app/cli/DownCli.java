package dev.patchbay.app.cli;

import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LocalLabService;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code patchbay down LAB|FILE}: removes everything the lab made, from its journal (also after a crash). */
@Command(name = "down", mixinStandardHelpOptions = true,
    description = {"Take a lab down: everything its journal says it may have made is removed",
        "(a sandbox's namespaces are deleted), also after a crash or kill -9 of up.",
        "What carries no mark of the lab (someone else's interface of the same name) is",
        "left alone, with a line saying so. Exit status: 0 done, 2 no such lab, 3",
        "something could not be undone, 5 the lab is busy."})
public final class DownCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  LabOrFile labOrFile;

  @Override
  public Integer call() throws IOException {
    String lab = labOrFile.lab();
    try (LocalLabService service = LabCommands.service()) {
      List<String> report = service.down(lab);
      report.forEach(line -> spec.commandLine().getOut().println("  " + line));
      spec.commandLine().getOut().println("Lab " + lab + " is down.");
      return PatchbayCli.OK;
    } catch (LabException e) {
      spec.commandLine().getErr().println("patchbay down: " + e.getMessage()
          + (e.reason() == LabException.Reason.NOT_FOUND ? " (see patchbay labs)" : ""));
      return LabCommands.exitCode(e);
    }
  }
}
