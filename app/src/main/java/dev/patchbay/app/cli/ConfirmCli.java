package dev.patchbay.app.cli;

import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LocalLabService;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchbay confirm LAB}: keeps changes applied with a confirm-or-revert countdown. */
@Command(name = "confirm", mixinStandardHelpOptions = true,
    description = {"Keep a lab whose changes could cut the host off (applied with a countdown);",
        "unconfirmed, they revert by themselves. Exit status: 0 confirmed, 1 too late (the",
        "deadline passed: the lab is being reverted), 2 no such lab (reverted already?),",
        "3 nothing waits for a confirmation, 5 the lab is busy."})
public final class ConfirmCli implements Callable<Integer> {
  static final int TOO_LATE = 1;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LAB")
  String lab;

  @Override
  public Integer call() throws IOException {
    try (LocalLabService service = LabCommands.service()) {
      service.confirm(lab);
    } catch (LabException e) {
      spec.commandLine().getErr().println("patchbay confirm: " + e.getMessage());
      return LabCommands.exitCode(e);
    }
    spec.commandLine().getOut().println("Lab " + lab + " confirmed: its changes stay.");
    return PatchbayCli.OK;
  }
}
