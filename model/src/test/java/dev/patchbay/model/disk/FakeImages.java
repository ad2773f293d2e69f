package dev.patchbay.model.disk;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A machine's disk images as a map: path to size. */
final class FakeImages implements DiskImages {
  final Map<Path, Long> files = new HashMap<>();
  private final Optional<Path> folder;
  private BundleManifest manifest;

  FakeImages(String folder) {
    this.folder = Optional.ofNullable(folder).map(Path::of);
  }

  FakeImages with(String path, long size) {
    files.put(Path.of(path), size);
    return this;
  }

  FakeImages manifest(BundleManifest m) {
    manifest = m;
    return this;
  }

  @Override
  public Optional<Path> topologyFolder() {
    return folder;
  }

  @Override
  public boolean exists(Path image) {
    return files.containsKey(image);
  }

  @Override
  public long size(Path image) {
    return files.getOrDefault(image, -1L);
  }

  @Override
  public Optional<BundleManifest> manifest() {
    return Optional.ofNullable(manifest);
  }
}
