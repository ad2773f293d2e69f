package dev.patchbay.backends.apply;

import java.util.Locale;

/**
 * A lab's name: it goes into namespace names (pb-LAB-host), file names and link aliases, so it is
 * kept to lower-case letters, digits and '-' and short enough that pb-LAB-inet fits a namespace name.
 */
public final class LabName {
  public static final int MAX = 40;

  private LabName() {}

  public static String checked(String name) {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]*") || name.length() > MAX) {
      throw new IllegalArgumentException("lab name '" + name + "' refused: use 1-" + MAX
          + " lower-case letters, digits and '-', starting with a letter or digit");
    }
    return name;
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
}
