package dev.patchbay.app.bundle;

import dev.patchbay.model.disk.ManifestFormat;

/**
 * What an unpack accepts at most: a bundle comes from someone else, and its zip directory, its
 * manifest and its entries' declared sizes may all lie.
 *
 * @param maxEntries entries in the zip, folders included
 * @param maxTotalBytes bytes written in all, images included
 */
public record BundleLimits(int maxEntries, long maxTotalBytes) {
  /** Room for a manifest's most images plus folders; 256 GiB of images. */
  public static final BundleLimits STANDARD = new BundleLimits(2 * ManifestFormat.MAX_IMAGES + 16, 256L << 30);
}
