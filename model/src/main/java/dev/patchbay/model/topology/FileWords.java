package dev.patchbay.model.topology;

import dev.patchbay.model.text.Printable;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The words a file uses for a choice (tcp, udp; wired, wireless): read back, or refused naming the choices. */
final class FileWords {
  private FileWords() {}

  /** The constant whose name is the word in any case; otherwise a message for the user, without Java's names. */
  static <E extends Enum<E>> E choice(Class<E> type, String word, String what) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(word)) {
        return e;
      }
    }
    String choices = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
    throw new IllegalArgumentException("unknown " + what + " " + Printable.quoted(word) + "; expected one of " + choices);
  }
}
