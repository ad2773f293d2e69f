package dev.patchbay.model.disk;

import dev.patchbay.model.edit.Command;
import dev.patchbay.model.edit.CompoundCommand;
import dev.patchbay.model.edit.ReplaceElementCommand;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.qemu.QemuValues;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The guests whose disk image this machine lacks, and relinking them: what {@code up} refuses,
 * what {@code --probe-missing} replaces with the probe guest, and what Relink points elsewhere.
 */
public final class MissingImages {
  private MissingImages() {}

  /** A guest whose image is not where its design says, and what the manifest recorded of it. */
  public record Missing(Guest guest, Path expected, Optional<BundleManifest.Image> listed) {
    /** One line for a person: guest, path, and size and hash where known. */
    public String describe() {
      return "guest " + guest.name() + ": disk image " + guest.disk() + " is missing (expected at " + expected
          + listed.map(i -> "; " + i.size() + " bytes, sha256 " + i.sha256()).orElse("") + ")";
    }
  }

  /** One guest pointed at another image. */
  public record Relink(String guestId, String guestName, Path image) {}

  /** Every guest of the design whose image is missing, in the design's order. */
  public static List<Missing> of(Topology t, DiskImages images) {
    List<Missing> out = new ArrayList<>();
    t.elementsOf(Guest.class).forEach(g -> missing(g, images).ifPresent(out::add));
    return out;
  }

  public static Optional<Missing> missing(Guest g, DiskImages images) {
    if (g.disk() == null || g.disk().isBlank() || QemuValues.diskProblem(g.disk()).isPresent()) {
      return Optional.empty();
    }
    return images.resolve(g.disk()).filter(p -> !images.exists(p))
        .map(p -> new Missing(g, p, images.listed(p)));
  }

  /**
   * A copy of the design as QEMU should get it: every disk by its absolute path (QEMU reads a
   * relative one from its working folder, not the design's), and each guest in {@code probe}
   * without a disk, so it boots the probe guest (see Guest) for {@code up --probe-missing}. The
   * design itself is left as it is.
   */
  public static Topology forLaunch(Topology t, DiskImages images, List<Missing> probe) {
    Topology copy;
    try {
      copy = TopologyFiles.parse(TopologyFiles.toJson(t), t.name());
    } catch (TopologyFileException e) {
      throw new IllegalStateException("a design always reads back what it wrote", e);
    }
    for (Guest g : copy.elementsOf(Guest.class).toList()) {
      if (probe.stream().anyMatch(m -> m.guest().id().equals(g.id()))) {
        copy.replace(g.withDisk(null));
      } else if (g.disk() != null && QemuValues.diskProblem(g.disk()).isEmpty()) {
        images.resolve(g.disk()).ifPresent(p -> copy.replace(g.withDisk(p.toString())));
      }
    }
    return copy;
  }

  /**
   * What relinking {@code guestId} to {@code chosen} does: that guest, and every other guest whose
   * image is missing and whose file name is in the chosen file's folder (a moved folder relinks at once).
   */
  public static List<Relink> plan(Topology t, DiskImages images, String guestId, Path chosen) {
    Path file = chosen.toAbsolutePath().normalize();
    List<Relink> out = new ArrayList<>();
    t.element(guestId).filter(Guest.class::isInstance).map(Guest.class::cast)
        .ifPresent(g -> out.add(new Relink(g.id(), g.name(), file)));
    Path folder = file.getParent();
    for (Missing m : of(t, images)) {
      Path candidate = folder == null ? null : folder.resolve(m.expected().getFileName());
      if (!m.guest().id().equals(guestId) && candidate != null && images.exists(candidate)) {
        out.add(new Relink(m.guest().id(), m.guest().name(), candidate));
      }
    }
    return out;
  }

  /**
   * One undoable step that sets each guest's disk: relative to the design's folder when the image
   * lies in it (DiskPaths.nameFor), absolute otherwise or for a design not saved yet.
   */
  public static Command command(Topology t, List<Relink> relinks, Optional<Path> topologyFolder) {
    List<Command> parts = new ArrayList<>();
    for (Relink r : relinks) {
      t.element(r.guestId()).filter(Guest.class::isInstance).map(Guest.class::cast).ifPresent(g -> {
        String disk = topologyFolder.map(f -> DiskPaths.nameFor(f, r.image())).orElse(r.image().toString());
        parts.add(new ReplaceElementCommand(g.withDisk(disk), "Relink " + g.name()));
      });
    }
    return new CompoundCommand(relinks.size() == 1 ? "Relink " + relinks.get(0).guestName()
        : "Relink " + relinks.size() + " disk images", parts);
  }
}
