package dev.patchbay.model.disk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A bundle's manifest (file {@value #FILE_NAME}, see model/BUNDLE.md): which topology the bundle
 * holds and every disk image it names, with size and SHA-256, whether or not the image travels in
 * the bundle. Unpacked, it stays beside the topology, so the validator can say what a missing image
 * should be and Relink can check a candidate's hash.
 *
 * @param format always {@value #FORMAT}
 * @param version {@value #VERSION}; a reader refuses a newer one
 * @param topology the topology's file name inside the bundle (no folder)
 * @param images every image the topology names that was on the packing machine
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(String format, int version, String topology, List<Image> images) {
  public static final String FILE_NAME = "patchbay-manifest.json";
  public static final String FORMAT = "patchbay-bundle";
  public static final int VERSION = 1;

  public BundleManifest {
    images = images == null ? List.of() : List.copyOf(images);
  }

  public static BundleManifest of(String topology, List<Image> images) {
    return new BundleManifest(FORMAT, VERSION, topology, images);
  }

  /**
   * One image.
   *
   * @param path relative to the topology's folder, '/' separated, never leaving it
   * @param size in bytes
   * @param sha256 lower-case hex
   * @param included whether the image's bytes are in the bundle (pack --with-images)
   */
  public record Image(String path, long size, String sha256, boolean included) {}

  /** The entry for an image by its path relative to the topology's folder. */
  public Optional<Image> image(String relativePath) {
    return images.stream().filter(i -> i.path().equals(relativePath)).findFirst();
  }
}
