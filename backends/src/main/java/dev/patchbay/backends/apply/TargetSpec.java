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

  /** The network namespace the lab's host side (and so its guests) lives in; empty for the real host. */
  public java.util.Optional<String> hostNamespace(String lab) {
    return switch (kind) {
      case SANDBOX -> java.util.Optional.of(Sandbox.host(lab));
      case NETNS -> java.util.Optional.of(namespace);
      case HOST -> java.util.Optional.empty();
    };
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
