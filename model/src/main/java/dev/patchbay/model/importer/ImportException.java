package dev.patchbay.model.importer;

/** A command line that cannot be read, with the place: which command line, which argument. */
public final class ImportException extends RuntimeException {
  public ImportException(String message) {
    super(message);
  }
}
