package dev.patchbay.app.designer.disk;

import dev.patchbay.app.bundle.FileDiskImages;
import dev.patchbay.app.bundle.Sha256;
import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.rules.DiskImageRule;
import dev.patchbay.model.disk.BundleManifest;
import dev.patchbay.model.disk.DiskImages;
import dev.patchbay.model.disk.MissingImages;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The designer's view of the design's disk images: the validator's disk check follows the
 * document's file (its folder, the manifest beside it), Relink points guests at other files
 * (checking the manifest's hash) as one undoable step, and Apply asks which guests lack an image.
 */
public final class DiskImagesViewModel {
  private final DocumentViewModel document;
  private FileDiskImages images;

  public DiskImagesViewModel(DocumentViewModel document) {
    this.document = document;
    this.images = FileDiskImages.of(document.file());
    document.fileProperty().addListener((o, was, now) -> images = FileDiskImages.of(Optional.ofNullable(now)));
  }

  /** What the machine has, for the document's current file. */
  public DiskImages images() {
    return new FollowingImages();
  }

  /** The disk check for the designer's validator, always asking about the current file's folder. */
  public Rule rule() {
    return new DiskImageRule(images());
  }

  /** The guests whose image is missing now. */
  public List<MissingImages.Missing> missing() {
    return MissingImages.of(document.topology(), images);
  }

  /** The design as QEMU should get it: absolute disk paths, and the probe guest in place of {@code probe}. */
  public Topology forLaunch(List<MissingImages.Missing> probe) {
    return MissingImages.forLaunch(document.topology(), images, probe);
  }

  /** What Relink did, in a sentence for the status bar or a dialog; {@code done} false when nothing changed. */
  public record Outcome(boolean done, String message) {}

  /**
   * What a relink will do, worked out from the files (hashing can take seconds for a large image,
   * so the designer does this off the FX thread): the guests to relink, or why not.
   */
  public record Prepared(Topology design, String guestId, Path chosen, List<MissingImages.Relink> relinks, List<String> refused,
      Optional<String> refusal) {}

  /**
   * Points the guest at {@code chosen}; every other guest whose missing image has its file name in
   * the chosen file's folder follows. A file whose sha256 differs from the manifest's is refused
   * (for the chosen guest: nothing changes; for the others: they are left out and counted).
   */
  public Outcome relink(String guestId, Path chosen) {
    return apply(prepare(guestId, chosen));
  }

  /** Reads and hashes the files; touches no document state beyond reading the topology. */
  public Prepared prepare(String guestId, Path chosen) {
    Topology t = document.topology();
    List<MissingImages.Relink> plan = MissingImages.plan(t, images, guestId, chosen);
    if (plan.isEmpty()) {
      return new Prepared(t, guestId, chosen, List.of(), List.of(), Optional.of("Select one guest to relink"));
    }
    List<MissingImages.Relink> kept = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (MissingImages.Relink r : plan) {
      Optional<String> mismatch = hashMismatch(t, r);
      if (mismatch.isEmpty()) {
        kept.add(r);
      } else if (r.guestId().equals(guestId)) {
        return new Prepared(t, guestId, chosen, List.of(), List.of(),
            Optional.of(mismatch.get() + "; " + r.guestName() + " was not relinked"));
      } else {
        refused.add(mismatch.get());
      }
    }
    return new Prepared(t, guestId, chosen, kept, refused, Optional.empty());
  }

  /** Pushes the prepared relink as one undoable step (on the FX thread). */
  public Outcome apply(Prepared p) {
    if (p.refusal().isPresent()) {
      return new Outcome(false, p.refusal().get());
    }
    Topology t = document.topology();
    if (t != p.design()) {
      return new Outcome(false, "Another design was opened while the image was checked; nothing was relinked");
    }
    document.push(MissingImages.command(t, p.relinks(), document.file().map(Path::toAbsolutePath).map(Path::getParent)));
    return new Outcome(true, summary(p.relinks(), p.refused(), p.chosen()));
  }

  /** Why the file is not the image the manifest recorded for this guest's disk, or empty when it is (or none is recorded). */
  private Optional<String> hashMismatch(Topology t, MissingImages.Relink r) {
    Guest g = (Guest) t.element(r.guestId()).orElseThrow();
    Optional<BundleManifest.Image> listed = images.resolve(g.disk()).flatMap(images::listed);
    if (listed.isEmpty()) {
      return Optional.empty();
    }
    try {
      String hash = Sha256.of(r.image());
      return hash.equals(listed.get().sha256()) ? Optional.empty()
          : Optional.of(r.image().getFileName() + " has sha256 " + hash + ", the manifest gives " + listed.get().sha256());
    } catch (IOException e) {
      return Optional.of("cannot read " + r.image() + ": " + e.getMessage());
    }
  }

  private static String summary(List<MissingImages.Relink> kept, List<String> refused, Path chosen) {
    String done = kept.size() == 1 ? "Relinked " + kept.get(0).guestName() + " to " + chosen
        : "Relinked " + kept.size() + " guests: " + kept.get(0).guestName() + " to " + chosen + " and "
            + (kept.size() - 1) + " more found in " + chosen.toAbsolutePath().getParent();
    return refused.isEmpty() ? done : done + "; left out " + refused.size() + ": " + String.join("; ", refused);
  }

  /** Answers for whatever file the document has when asked (Save As moves it). */
  private final class FollowingImages implements DiskImages {
    @Override
    public Optional<Path> topologyFolder() {
      return images.topologyFolder();
    }

    @Override
    public boolean exists(Path image) {
      return images.exists(image);
    }

    @Override
    public long size(Path image) {
      return images.size(image);
    }

    @Override
    public Optional<BundleManifest> manifest() {
      return images.manifest();
    }
  }
}
