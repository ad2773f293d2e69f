package dev.patchbay.app.cli;

import dev.patchbay.backends.apply.LabName;
import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.qemu.LabGuestStarter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
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

  @Parameters(index = "0", paramLabel = "LAB|FILE", description = "A lab's name, or the topology file it came from.")
  String labOrFile;

  @Override
  public Integer call() throws IOException {
    String lab = labOrFile.endsWith(".json") ? LabName.fromFileName(Path.of(labOrFile).getFileName().toString())
        : LabName.checked(labOrFile);
    Labs labs = Labs.standard();
    labs.withGuests(LabGuestStarter.forDown(labs.root(), lab));
    if (!labs.journal(lab).exists()) {
      spec.commandLine().getErr().println("patchbay down: no lab named " + lab + " (see patchbay labs)");
      return PatchbayCli.UNREADABLE;
    }
    try {
      List<String> report = labs.down(lab);
      report.forEach(line -> spec.commandLine().getOut().println("  " + line));
      spec.commandLine().getOut().println("Lab " + lab + " is down.");
      return PatchbayCli.OK;
    } catch (dev.patchbay.backends.apply.LabLock.BusyException e) {
      spec.commandLine().getErr().println("patchbay down: " + e.getMessage());
      return PatchbayCli.BUSY;
    } catch (IOException e) {
      spec.commandLine().getErr().println("patchbay down: " + e.getMessage());
      return UpCli.APPLY_FAILED;
    }
  }
}
