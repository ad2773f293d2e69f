package dev.patchbay.backends.netlink;

import java.nio.charset.StandardCharsets;

/**
 * An RTM_SETLINK request changing an existing link, found by name (or by index for a rename). Several
 * changes go in one request, e.g. enslave + mark + up for a new tap: one round trip instead of three.
 */
public final class SetLink {
  private final String name;
  private final int index;
  private String newName;
  private Integer master;
  private Boolean up;
  private Boolean multicast;
  private String alias;
  private Integer group;
  private Integer mtu;
  private String knownAs;

  private SetLink(String name, int index) {
    this.name = name;
    this.index = index;
  }

  public static SetLink named(String name) {
    return new SetLink(Names.checked(name, "interface"), 0);
  }

  /** Addresses the link by ifindex: needed to rename it, since IFLA_IFNAME then carries the new name. */
  public static SetLink index(int index) {
    return index(index, null);
  }

  /**
   * Addresses the link by ifindex, so the change lands on that very link whatever holds the name now;
   * {@code knownAs} only names it in error messages (it is not sent: with an ifindex, IFLA_IFNAME
   * would rename the link).
   */
  public static SetLink index(int index, String knownAs) {
    if (index <= 0) {
      throw new IllegalArgumentException("ifindex must be positive, not " + index);
    }
    SetLink change = new SetLink(null, index);
    change.knownAs = knownAs;
    return change;
  }

  /** Makes the link a port of the bridge with ifindex {@code masterIndex}. */
  public SetLink master(int masterIndex) {
    this.master = masterIndex;
    return this;
  }

  /** Releases the link from its bridge (IFLA_MASTER 0). */
  public SetLink noMaster() {
    this.master = 0;
    return this;
  }

  public SetLink up(boolean on) {
    this.up = on;
    return this;
  }

  /** Sets IFLA_IFALIAS; an empty alias removes it. */
  public SetLink alias(String alias) {
    this.alias = Names.checkedAlias(alias);
    return this;
  }

  /** IFF_MULTICAST: a fresh namespace's lo lacks it, and a multicast route needs it. */
  public SetLink multicast(boolean on) {
    this.multicast = on;
    return this;
  }

  public SetLink group(int group) {
    this.group = group;
    return this;
  }

  public SetLink mtu(int mtu) {
    this.mtu = mtu;
    return this;
  }

  public SetLink rename(String newName) {
    if (index == 0) {
      throw new IllegalStateException("a rename addresses the link by ifindex: use SetLink.index(...)");
    }
    this.newName = Names.checked(newName, "new interface");
    return this;
  }

  public NlRequest request() {
    int flags = (Boolean.TRUE.equals(up) ? Nl.IFF_UP : 0) | (Boolean.TRUE.equals(multicast) ? Nl.IFF_MULTICAST : 0);
    int change = (up == null ? 0 : Nl.IFF_UP) | (multicast == null ? 0 : Nl.IFF_MULTICAST);
    NlRequest r = NlRequest.change(Nl.RTM_SETLINK, 0, describe())
        .ifinfomsg(Nl.AF_UNSPEC, index, flags, change);
    if (name != null) {
      r.attrString(Nl.IFLA_IFNAME, name);
    }
    if (newName != null) {
      r.attrString(Nl.IFLA_IFNAME, newName);
    }
    if (master != null) {
      r.attrU32(Nl.IFLA_MASTER, master);
    }
    if (alias != null) {
      r.attr(Nl.IFLA_IFALIAS, alias.getBytes(StandardCharsets.UTF_8));
    }
    if (group != null) {
      r.attrU32(Nl.IFLA_GROUP, group);
    }
    if (mtu != null) {
      r.attrU32(Nl.IFLA_MTU, mtu);
    }
    return r;
  }

  private String describe() {
    StringBuilder what = new StringBuilder();
    append(what, newName != null, "rename to '" + newName + "'");
    append(what, master != null && master != 0, "enslave to ifindex " + master);
    append(what, master != null && master == 0, "release from its bridge");
    append(what, up != null, Boolean.TRUE.equals(up) ? "set up" : "set down");
    append(what, multicast != null, Boolean.TRUE.equals(multicast) ? "set multicast on" : "set multicast off");
    append(what, alias != null, "set alias '" + alias + "'");
    append(what, group != null, "set group " + group);
    append(what, mtu != null, "set mtu " + mtu);
    String target = name != null ? "'" + name + "'"
        : knownAs != null ? "'" + knownAs + "' (ifindex " + index + ")" : "ifindex " + index;
    return (what.length() == 0 ? "change" : what) + " of " + target;
  }

  private static void append(StringBuilder sb, boolean when, String text) {
    if (when) {
      sb.append(sb.length() == 0 ? "" : ", ").append(text);
    }
  }
}
