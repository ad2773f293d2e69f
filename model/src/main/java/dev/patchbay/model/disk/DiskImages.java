package dev.patchbay.model.disk;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the machine has of a design's disk images, answered by the caller (the model does no I/O):
 * the CLI and the designer fill it from the file system and the bundle manifest beside the design.
 */
public interface DiskImages {
  /** The folder of the design's file; empty for a design never saved. */
  Optional<Path> topologyFolder();

  /** Whether a regular file is at this absolute path. */
  boolean exists(Path image);

  /** The file's size in bytes, or -1 when it is not there or cannot be read. */
  long size(Path image);

  /** The manifest beside the design, if there is a readable one. */
  Optional<BundleManifest> manifest();

  /** The image a guest's {@code disk} names, by {@link DiskPaths}. */
  default Optional<Path> resolve(String disk) {
    return DiskPaths.resolve(topologyFolder(), disk);
  }

  /** What the manifest says of the image at this path, when it names it. */
  default Optional<BundleManifest.Image> listed(Path image) {
    return topologyFolder().flatMap(f -> DiskPaths.relativeName(f, image))
        .flatMap(name -> manifest().flatMap(m -> m.image(name)));
  }
}
