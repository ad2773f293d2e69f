package dev.patchbay.backends.apply;

import java.io.IOException;

/** The lab named has no journal here: it was never up, or it was taken down or reverted already. */
public final class NoSuchLabException extends IOException {
  public NoSuchLabException(String message) {
    super(message);
  }
}
