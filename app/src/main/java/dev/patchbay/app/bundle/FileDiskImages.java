package dev.patchbay.app.bundle;

import dev.patchbay.model.disk.BundleManifest;
import dev.patchbay.model.disk.DiskImages;
import dev.patchbay.model.disk.ManifestException;
import dev.patchbay.model.disk.ManifestFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A design's disk images on this machine's file system, and the bundle manifest beside the design
 * (read once; a broken one is logged and ignored: it only adds detail to findings).
 */
public final class FileDiskImages implements DiskImages {
  private static final Logger LOG = Logger.getLogger(FileDiskImages.class.getName());
  private final Optional<Path> folder;
  private Optional<BundleManifest> manifest;

  private FileDiskImages(Optional<Path> folder) {
    this.folder = folder.map(f -> f.toAbsolutePath().normalize());
  }

  /** For a design read from or saved to this file. */
  public static FileDiskImages beside(Path topologyFile) {
    return new FileDiskImages(Optional.ofNullable(topologyFile.toAbsolutePath().getParent()));
  }

  /** For a design that may not have a file yet. */
  public static FileDiskImages of(Optional<Path> topologyFile) {
    return topologyFile.map(FileDiskImages::beside).orElseGet(() -> new FileDiskImages(Optional.empty()));
  }

  @Override
  public Optional<Path> topologyFolder() {
    return folder;
  }

  @Override
  public boolean exists(Path image) {
    return Files.isRegularFile(image);
  }

  @Override
  public long size(Path image) {
    try {
      return Files.size(image);
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public synchronized Optional<BundleManifest> manifest() {
    if (manifest == null) {
      manifest = folder.flatMap(FileDiskImages::read);
    }
    return manifest;
  }

  /** The manifest in a folder, if there is a readable one. */
  public static Optional<BundleManifest> read(Path folder) {
    Path file = folder.resolve(BundleManifest.FILE_NAME);
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > ManifestFormat.MAX_BYTES) {
        return Optional.empty();
      }
      return Optional.of(ManifestFormat.parse(Files.readAllBytes(file), file.toString()));
    } catch (IOException | ManifestException e) {
      LOG.log(Level.WARNING, "ignoring the bundle manifest " + file + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
