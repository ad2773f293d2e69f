package dev.patchbay.model.net;

import dev.patchbay.model.text.Printable;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The kernel's rules for a network interface name (dev_valid_name in net/core/dev.c). */
public final class InterfaceName {
  /** IFNAMSIZ is 16 bytes including the terminating NUL. */
  public static final int MAX_BYTES = 15;

  private InterfaceName() {}

  /** Why the kernel would refuse the name, or empty if it would take it. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("an interface name cannot be empty");
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return Optional.of(Printable.quoted(name) + " is " + bytes + " bytes; the kernel takes at most " + MAX_BYTES);
    }
    if (name.equals(".") || name.equals("..")) {
      return Optional.of(Printable.quoted(name) + " is not allowed as an interface name");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == ':' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        return Optional.of(Printable.quoted(name) + " contains " + Printable.character(c)
            + ", which the kernel refuses in interface names");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether Patchbay accepts the name: the kernel's rules, and only letters, digits, '-', '_' and
   * '.' so a name can never mean anything to a shell or a tool that parses it.
   */
  public static Optional<String> unsafe(String name) {
    Optional<String> kernel = problem(name);
    if (kernel.isPresent()) {
      return kernel;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.';
      if (!ok) {
        return Optional.of(Printable.quoted(name) + " contains " + Printable.character(name.codePointAt(i))
            + "; use letters, digits, '-', '_' and '.'");
      }
    }
    return Optional.empty();
  }
}
