package dev.patchbay.backends.apply;

import dev.patchbay.backends.netlink.Netns;

/** Where a lab goes: its own sandbox (the default), a named namespace, or the real host. */
public record TargetSpec(Kind kind, String namespace) {
  public enum Kind {
    SANDBOX, NETNS, HOST;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static TargetSpec sandbox() {
    return new TargetSpec(Kind.SANDBOX, null);
  }

  public static TargetSpec host() {
    return new TargetSpec(Kind.HOST, null);
  }

  public static TargetSpec netns(String name) {
    return new TargetSpec(Kind.NETNS, Netns.checked(name));
  }
}
