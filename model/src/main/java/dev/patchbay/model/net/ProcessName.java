package dev.patchbay.model.net;

import dev.patchbay.model.text.Printable;
import java.util.Optional;

/**
 * The name of a process Patchbay runs for a lab (a guest's QEMU, a VDE switch): it names the
 * process's run folder and pid file, so it is 1-64 letters, digits, '.', '-' or '_' and not only
 * dots ("." and ".." are folders already). The one place this rule is written.
 */
public record ProcessName(String text) {
  public static final int MAX = 64;

  public ProcessName {
    problem(text).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
  }

  /** Why {@code name} cannot name a process's folder, or empty when it can. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("the name is empty");
    }
    if (name.length() > MAX || !name.matches("[A-Za-z0-9_.-]+")) {
      return Optional.of(Printable.quoted(name) + " cannot name a QEMU process, its run folder and its pid file: use 1"
          + " to " + MAX + " letters, digits, '.', '-' or '_'");
    }
    if (name.chars().allMatch(c -> c == '.')) {
      return Optional.of(Printable.quoted(name) + " is only dots, which names a folder that exists already");
    }
    return Optional.empty();
  }

  /** The name, checked. */
  public static String checked(String name) {
    return new ProcessName(name).text();
  }

  @Override
  public String toString() {
    return text;
  }
}
