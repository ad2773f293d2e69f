package dev.patchbay.app.cli;

import dev.patchbay.app.bundle.FileDiskImages;
import dev.patchbay.model.disk.MissingImages;
import dev.patchbay.model.topology.Topology;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The disk images a design about to be built needs: each missing one refuses the build, before
 * any step, unless {@code --probe-missing} boots the probe guest in its place (said on stdout).
 */
final class LaunchDisks {
  private LaunchDisks() {}

  /** The design as QEMU should get it (absolute disk paths), or Refused with the reason on stderr. */
  static Topology prepare(String command, Path file, Topology t, boolean probeMissing, PrintWriter out, PrintWriter err)
      throws Topologies.Refused {
    FileDiskImages images = FileDiskImages.beside(file);
    List<MissingImages.Missing> missing = MissingImages.of(t, images);
    if (!missing.isEmpty() && !probeMissing) {
      missing.forEach(m -> err.println(command + ": " + m.describe()));
      err.println(command + ": nothing was changed; relink the image (patchbay check " + file + " says where it"
          + " should be), or boot Patchbay's probe guest in its place with --probe-missing");
      throw new Topologies.Refused(PatchbayCli.FINDINGS);
    }
    for (MissingImages.Missing m : missing) {
      out.println(m.describe() + "; booting Patchbay's probe guest in its place (--probe-missing)");
    }
    return MissingImages.forLaunch(t, images, missing);
  }
}
