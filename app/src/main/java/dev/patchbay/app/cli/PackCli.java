package dev.patchbay.app.cli;

import dev.patchbay.app.bundle.BundleException;
import dev.patchbay.app.bundle.BundlePacker;
import dev.patchbay.model.disk.BundleManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code patchbay pack FILE -o LAB.zip [--with-images]}: a bundle to hand to a colleague. */
@Command(name = "pack", mixinStandardHelpOptions = true,
    description = {"Pack a topology into a bundle (a zip): the topology and a manifest of every",
        "disk image it names (path relative to the topology, size, sha256); with",
        "--with-images the images too. patchbay unpack opens it on another machine.",
        "Exit status: 0 packed, 2 unreadable topology or the zip cannot be written."})
public final class PackCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DesignFile design;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "LAB.zip", description = "The bundle to write.")
  Path output;

  @Option(names = "--with-images", description = "Put the disk images in the bundle too (streamed, any size).")
  boolean withImages;

  @Option(names = "--force", description = "Overwrite LAB.zip if it exists.")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      BundlePacker.Packed p = new BundlePacker().pack(design.file, output, withImages, force);
      p.notes().forEach(n -> out.println("note: " + n));
      for (BundleManifest.Image i : p.manifest().images()) {
        out.println("  " + i.path() + "  " + i.size() + " bytes  sha256 " + i.sha256()
            + (i.included() ? "  (included)" : "  (listed)"));
      }
      out.println("Packed " + p.manifest().topology() + " and " + p.manifest().images().size() + " disk image(s) into "
          + output + (withImages ? "" : " (images listed, not included; --with-images includes them)"));
      return PatchbayCli.OK;
    } catch (BundleException e) {
      spec.commandLine().getErr().println("patchbay pack: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    }
  }
}
