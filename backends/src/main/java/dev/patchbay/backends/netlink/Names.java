package dev.patchbay.backends.netlink;

import dev.patchbay.model.net.InterfaceName;
import java.util.Optional;

/** The gate every interface name passes before it is written into a request for the kernel. */
public final class Names {
  private Names() {}

  /** Returns {@code name} if Patchbay accepts it; otherwise throws, naming the role and the problem. */
  public static String checked(String name, String role) {
    Optional<String> problem = InterfaceName.unsafe(name);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(role + " name refused: " + problem.get());
    }
    return name;
  }

  /** Aliases carry a lab's name; the kernel takes up to 255 bytes, Patchbay also refuses control characters. */
  public static String checkedAlias(String alias) {
    if (alias.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
      throw new IllegalArgumentException("alias refused: '" + alias + "' is longer than 255 bytes");
    }
    if (alias.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("alias refused: '" + alias + "' contains a control character");
    }
    return alias;
  }
}
