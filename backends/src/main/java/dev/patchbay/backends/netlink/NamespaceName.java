package dev.patchbay.backends.netlink;

import java.util.regex.Pattern;

/**
 * A network namespace's name, as /var/run/netns/NAME and nsenter --net= take it: 1-63 letters,
 * digits, '.', '_' or '-', starting with a letter or digit, so it can never climb out of that folder
 * or mean an option. The one place this rule is written.
 */
public record NamespaceName(String text) {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  public NamespaceName {
    if (text == null || !SAFE.matcher(text).matches()) {
      throw new IllegalArgumentException("network namespace name '" + text
          + "' must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
  }

  /** The name, checked. */
  public static String checked(String name) {
    return new NamespaceName(name).text();
  }

  @Override
  public String toString() {
    return text;
  }
}
