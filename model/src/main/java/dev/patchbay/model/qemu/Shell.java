package dev.patchbay.model.qemu;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quoting for POSIX shells, for text a user will paste into a terminal or a script. */
public final class Shell {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private Shell() {}

  /** The word as a shell reads it back exactly: bare when harmless, else in single quotes. */
  public static String quote(String word) {
    if (word == null) {
      throw new IllegalArgumentException("a missing value cannot be written as a shell word");
    }
    if (!word.isEmpty() && SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  public static String join(List<String> words) {
    return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
  }
}
