package dev.patchbay.app.cli;

import dev.patchbay.app.bundle.BundleException;
import dev.patchbay.app.bundle.BundleLimits;
import dev.patchbay.app.bundle.BundleUnpacker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchbay unpack LAB.zip -d DIR}: opens a bundle into a folder, safely. */
@Command(name = "unpack", mixinStandardHelpOptions = true,
    description = {"Unpack a bundle made by patchbay pack into DIR: nothing lands outside DIR,",
        "existing files are kept unless --force, and each included image must match the",
        "manifest's size and sha256. Prints where the topology is.",
        "Exit status: 0 unpacked, 2 refused (the reason on stderr; nothing is left behind)."})
public final class UnpackCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LAB.zip", description = "A bundle written by patchbay pack.")
  Path bundle;

  @Option(names = {"-d", "--directory"}, required = true, paramLabel = "DIR", description = "The folder to unpack into.")
  Path dir;

  @Option(names = "--force", description = "Overwrite files that already exist in DIR.")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      BundleUnpacker.Unpacked u = new BundleUnpacker(BundleLimits.STANDARD).unpack(bundle, dir, force);
      u.images().forEach(line -> out.println("  " + line));
      out.println("Unpacked " + u.topology() + "; check it with: patchbay check " + u.topology());
      return PatchbayCli.OK;
    } catch (BundleException e) {
      spec.commandLine().getErr().println("patchbay unpack: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    }
  }
}
