package dev.patchbay.model.disk;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a guest's disk image is: the one rule every reader of {@code disk} follows (the validator,
 * {@code up}, {@code pack}, Relink). An absolute path is itself; a relative one is relative to the
 * folder of the topology file that names it, so a design and its images can move together (a bundle
 * unpacked anywhere boots). Before this rule QEMU read a relative path from whatever folder
 * {@code patchbay up} was started in.
 */
public final class DiskPaths {
  private DiskPaths() {}

  /**
   * The image's path on this machine; empty when the path is relative and the design has no folder
   * yet (an unsaved design), so nobody can say where it is.
   */
  public static Optional<Path> resolve(Optional<Path> topologyFolder, String disk) {
    if (disk == null || disk.isBlank()) {
      return Optional.empty();
    }
    Path p = Path.of(disk);
    if (p.isAbsolute()) {
      return Optional.of(p.normalize());
    }
    return topologyFolder.map(f -> f.toAbsolutePath().resolve(p).normalize());
  }

  /**
   * How a design in {@code topologyFolder} should name {@code image}: relative ("./x.img",
   * "images/x.img") when the image lies inside the folder, so the pair can move together; absolute
   * otherwise. "./" keeps QEMU from reading a name like {@code a:b.img} as a protocol.
   */
  public static String nameFor(Path topologyFolder, Path image) {
    Path folder = topologyFolder.toAbsolutePath().normalize();
    Path file = image.toAbsolutePath().normalize();
    if (file.startsWith(folder) && !file.equals(folder)) {
      return "./" + slashes(folder.relativize(file));
    }
    return file.toString();
  }

  /**
   * The image's path relative to the topology's folder with '/' separators, as a bundle's manifest
   * names it; empty when the image lies outside that folder.
   */
  public static Optional<String> relativeName(Path topologyFolder, Path image) {
    Path folder = topologyFolder.toAbsolutePath().normalize();
    Path file = image.toAbsolutePath().normalize();
    if (!file.startsWith(folder) || file.equals(folder)) {
      return Optional.empty();
    }
    return Optional.of(slashes(folder.relativize(file)));
  }

  private static String slashes(Path relative) {
    return relative.toString().replace(java.io.File.separatorChar, '/');
  }
}
