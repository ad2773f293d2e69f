package dev.patchbay.model.disk;

/** A bundle manifest that cannot be used; the message names the file and what is wrong. */
public final class ManifestException extends Exception {
  public ManifestException(String message) {
    super(message);
  }
}
