package dev.patchbay.app.cli;

import dev.patchbay.backends.apply.ConfirmWatch;
import dev.patchbay.backends.apply.LabLock;
import dev.patchbay.backends.apply.LabName;
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
        "unconfirmed, they revert by themselves. Exit status: 0 confirmed, 1 too late (the",
        "deadline passed: the lab is being or has been reverted), 2 no such lab or nothing",
        "waits for confirmation, 5 the lab is busy."})
public final class ConfirmCli implements Callable<Integer> {
  static final int TOO_LATE = 1;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LAB")
  String lab;

  @Override
  public Integer call() throws IOException {
    String name = LabName.checked(lab);
    try {
      Labs.standard().confirm(name);
    } catch (ConfirmWatch.TooLateException e) {
      spec.commandLine().getErr().println("patchbay confirm: " + e.getMessage());
      return TOO_LATE;
    } catch (LabLock.BusyException e) {
      spec.commandLine().getErr().println("patchbay confirm: " + e.getMessage());
      return PatchbayCli.BUSY;
    } catch (IOException e) {
      spec.commandLine().getErr().println("patchbay confirm: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    }
    spec.commandLine().getOut().println("Lab " + name + " confirmed: its changes stay.");
    return PatchbayCli.OK;
  }
}
