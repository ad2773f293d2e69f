package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.disk.BundleManifest;
import dev.patchbay.model.disk.DiskImages;
import dev.patchbay.model.qemu.QemuValues;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Guests whose disk image is not on this machine, or differs in size from what the bundle's
 * manifest recorded. A warning, not an error: the design itself is sound, and {@code up
 * --probe-missing} can still build it; {@code up} refuses such a guest by itself.
 */
public final class DiskImageRule implements Rule {
  static final RuleInfo MISSING = new RuleInfo("disk.missing", Severity.WARNING,
      "A guest's disk image is not on this machine, so QEMU cannot boot it. A relative path is read from the folder"
          + " of the topology file, so a design and its images can move together; a bundle's manifest beside the"
          + " design tells the size and SHA-256 the image should have.");
  static final RuleInfo SIZE = new RuleInfo("disk.size", Severity.WARNING,
      "A guest's disk image has another size than the bundle's manifest beside the design recorded: it is not the"
          + " image the design was packed with (or it was changed since).");
  private static final String FIX = "Relink the guest to the image (designer: select it, Edit > Relink Disk Image...),"
      + " or let patchbay up --probe-missing boot Patchbay's probe guest in its place.";

  private final DiskImages images;

  public DiskImageRule(DiskImages images) {
    this.images = images;
  }

  @Override
  public String id() {
    return "disk";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(MISSING, SIZE);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesOnly(c, Set.of(Guest.class));
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    t.elementsOf(Guest.class).forEach(g -> check(g).ifPresent(out::add));
    return out;
  }

  /** The finding about one guest's image, if any; a path QEMU would not read as a file is qemu.disk's. */
  public Optional<Diagnostic> check(Guest g) {
    if (g.disk() == null || g.disk().isBlank() || QemuValues.diskProblem(g.disk()).isPresent()) {
      return Optional.empty();
    }
    Optional<Path> where = images.resolve(g.disk());
    if (where.isEmpty()) {
      return Optional.empty();
    }
    Optional<BundleManifest.Image> listed = images.listed(where.get());
    if (!images.exists(where.get())) {
      String expected = listed.map(i -> "; the bundle's manifest gives " + i.size() + " bytes, sha256 " + i.sha256())
          .orElse("");
      return Optional.of(Names.finding(MISSING, Names.of(g) + ": disk image " + Printable.quoted(g.disk())
          + " is missing (expected at " + Printable.quoted(where.get().toString()) + expected + ")", List.of(g.id()),
          MISSING.explain(), FIX));
    }
    long size = images.size(where.get());
    if (listed.isPresent() && size >= 0 && size != listed.get().size()) {
      return Optional.of(Names.finding(SIZE, Names.of(g) + ": disk image " + Printable.quoted(where.get().toString())
          + " has " + size + " bytes, the bundle's manifest " + listed.get().size(), List.of(g.id()), SIZE.explain(),
          "Relink the guest to the image the bundle was packed with (its sha256 is " + listed.get().sha256() + ")."));
    }
    return Optional.empty();
  }
}
