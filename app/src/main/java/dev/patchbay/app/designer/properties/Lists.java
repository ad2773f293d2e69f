package dev.patchbay.app.designer.properties;

import java.util.Arrays;
import java.util.List;

/** Conversions between the panel's text and model values. */
final class Lists {
  private Lists() {}

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** "10.0.0.1, 10.0.0.2" -> [10.0.0.1, 10.0.0.2]. */
  static List<String> addresses(String text) {
    return text == null ? List.of()
        : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
  }
}
