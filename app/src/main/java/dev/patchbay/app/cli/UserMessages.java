package dev.patchbay.app.cli;

import dev.patchbay.model.text.Printable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a command says when it stops on an exception: the message of a refusal written for the
 * user (a bad value, a file that cannot be read or written), never a Java class name, and for
 * anything else (a bug) a plain sentence, with the details in the log for a report.
 */
final class UserMessages {
  private static final Logger LOG = Logger.getLogger(UserMessages.class.getName());

  /** A message that names Java's classes is not written for the user, whatever its type. */
  private static final java.util.regex.Pattern JAVA =
      java.util.regex.Pattern.compile("\\b(java|javax|com\\.fasterxml|dev\\.patchbay|picocli)\\.|Exception\\b");

  private UserMessages() {}

  static String of(Throwable ex) {
    boolean forUser = ex instanceof IllegalArgumentException || ex instanceof IOException
        || ex instanceof UncheckedIOException;
    String message = dev.patchbay.backends.os.Reasons.of(ex);
    if (forUser && message != null && !message.isBlank() && !JAVA.matcher(message).find()) {
      return Printable.line(message);
    }
    LOG.log(Level.FINE, "internal error", ex);
    return "an internal error stopped the command; please report it with the file you gave";
  }
}
