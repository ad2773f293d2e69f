package dev.patchbay.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code patchbay import SOURCE ...}: a topology from something that exists already. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Make a topology file from QEMU command lines.",
    subcommands = {ImportQemuCli.class, ImportHostCli.class})
public final class ImportCli implements Runnable {
  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "missing source; see patchbay import --help");
  }
}
