package dev.patchbay.app.bundle;

/** A bundle that cannot be packed or unpacked; the message names the file and what is wrong. */
public final class BundleException extends Exception {
  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
