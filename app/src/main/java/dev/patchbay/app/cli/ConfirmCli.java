package dev.patchbay.app.cli;

import dev.patchbay.backends.apply.LabName;
import dev.patchbay.backends.apply.LabRecord;
import dev.patchbay.backends.apply.Labs;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchbay confirm LAB}: keeps changes applied with a confirm-or-revert countdown. */
@Command(name = "confirm", mixinStandardHelpOptions = true,
    description = {"Keep a lab whose changes could cut the host off (applied with a countdown);",
        "unconfirmed, they revert by themselves. Exit status: 0 confirmed, 2 no such lab or",
        "nothing waits for confirmation."})
public final class ConfirmCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LAB")
  String lab;

  @Override
  public Integer call() throws IOException {
    Labs labs = Labs.standard();
    String name = LabName.checked(lab);
    if (!labs.journal(name).exists()) {
      spec.commandLine().getErr().println("patchbay confirm: no lab named " + name + " (reverted already?)");
      return PatchbayCli.UNREADABLE;
    }
    LabRecord record = LabRecord.read(name, labs.journal(name));
    if (!record.awaitingConfirmation()) {
      spec.commandLine().getErr().println("patchbay confirm: lab " + name + " does not wait for a confirmation");
      return PatchbayCli.UNREADABLE;
    }
    labs.confirm(name);
    spec.commandLine().getOut().println("Lab " + name + " confirmed: its changes stay.");
    return PatchbayCli.OK;
  }
}
