package dev.patchbay.model.net;

import java.util.Locale;
import java.util.Optional;

/**
 * A lab's name: it goes into namespace names (pb-LAB-host), the lab's nft table (patchbay_LAB), file
 * names and link aliases, so it is kept to lower-case letters, digits and '-' (no '_': the nft table
 * spells '-' as '_', so two labs never share one) and short enough that pb-LAB-inet fits a namespace
 * name. The one place this rule is written; every command, the agent and the planner parse with it.
 */
public record LabName(String text) {
  public static final int MAX = 40;

  public LabName {
    problem(text).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
  }

  /** Why {@code name} is not a lab name, or empty when it is one. */
  public static Optional<String> problem(String name) {
    if (name == null || name.length() > MAX || !name.matches("[a-z0-9][a-z0-9-]*")) {
      return Optional.of("lab name '" + name + "' refused: use 1-" + MAX
          + " lower-case letters, digits and '-', starting with a letter or digit");
    }
    return Optional.empty();
  }

  public static boolean valid(String name) {
    return problem(name).isEmpty();
  }

  /** The name, checked: the form every caller that passes names along as text uses. */
  public static String checked(String name) {
    return new LabName(name).text();
  }

  /** The lab a command names: the one given with --lab, else the one made from the design's file name. */
  public static String of(String given, java.nio.file.Path file) {
    return given != null ? checked(given) : fromFileName(file.getFileName().toString());
  }

  /** A lab name made from a file name: "nat-bridge.json" gives "nat-bridge". */
  public static String fromFileName(String fileName) {
    String stem = fileName.replaceFirst("\\.[^.]*$", "").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    if (stem.isEmpty()) {
      stem = "lab";
    }
    return stem.length() > MAX ? stem.substring(0, MAX).replaceAll("-+$", "") : stem;
  }

  @Override
  public String toString() {
    return text;
  }
}
