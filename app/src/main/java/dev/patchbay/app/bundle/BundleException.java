package dev.patchbay.app.bundle;

/** A bundle that cannot be packed or unpacked; the message names the file and what is wrong. */
public final class BundleException extends Exception {
  private final boolean wouldOverwrite;

  public BundleException(String message) {
    this(message, false);
  }

  /** {@code wouldOverwrite}: unpacking stopped only because files are there; asking to overwrite would go on. */
  public BundleException(String message, boolean wouldOverwrite) {
    super(message);
    this.wouldOverwrite = wouldOverwrite;
  }

  public boolean wouldOverwrite() {
    return wouldOverwrite;
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
    this.wouldOverwrite = false;
  }
}
