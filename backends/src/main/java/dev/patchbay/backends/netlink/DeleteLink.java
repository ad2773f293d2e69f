package dev.patchbay.backends.netlink;

/** RTM_DELLINK requests: one link by name or ifindex, or every link of a group at once. */
public final class DeleteLink {
  private DeleteLink() {}

  /** Deletes one link; deleting one end of a veth pair deletes both. */
  public static NlRequest named(String name) {
    Names.checked(name, "interface");
    return NlRequest.change(Nl.RTM_DELLINK, 0, "delete link '" + name + "'")
        .ifinfomsg(Nl.AF_UNSPEC, 0, 0, 0)
        .attrString(Nl.IFLA_IFNAME, name);
  }

  /** Deletes the link with ifindex {@code index} (one Patchbay has just made); {@code knownAs} names it in errors. */
  public static NlRequest index(int index, String knownAs) {
    if (index <= 0) {
      throw new IllegalArgumentException("ifindex must be positive, not " + index);
    }
    return NlRequest.change(Nl.RTM_DELLINK, 0, "delete link '" + knownAs + "' (ifindex " + index + ")")
        .ifinfomsg(Nl.AF_UNSPEC, index, 0, 0);
  }

  /**
   * Deletes every link of {@code group} in one request (ifindex 0 + IFLA_GROUP): the kernel
   * unregisters them together, which is what makes tearing down thousands of links take well under
   * a second instead of tens of seconds one by one. Group 0 is every interface's default group (lo,
   * the uplink...), so it is refused outright.
   */
  public static NlRequest group(int group) {
    if (group == 0) {
      throw new IllegalArgumentException("refusing to delete link group 0: it is the default group of every interface");
    }
    return NlRequest.change(Nl.RTM_DELLINK, 0, "delete every link of group " + group)
        .ifinfomsg(Nl.AF_UNSPEC, 0, 0, 0)
        .attrU32(Nl.IFLA_GROUP, group);
  }
}
