package dev.patchbay.backends.netlink;

import java.util.ArrayList;
import java.util.List;

/**
 * An RTM_NEWLINK request for a virtual device (bridge, veth pair, dummy) with the settings Patchbay
 * gives it at birth: ownership marker (group, alias), state and MTU. The group is set by the creating
 * request itself, so the link never exists outside its lab's group. The kernel ignores IFLA_IFALIAS
 * when it creates a link (seen on 6.x), so the alias follows as an RTM_SETLINK, as does bringing a
 * veth's peer up; those follow-ups go only after the create succeeded, to the ifindex the kernel
 * reported ({@link RtNetlink#create}), never by name in the same batch: a create that fails because
 * the name is taken must not mark the link that holds it.
 */
public final class NewLink {
  private final String kind;
  private final String name;
  private String peer;
  private Integer peerNamespaceFd;
  private Boolean stp;
  private String alias;
  private Integer group;
  private Integer mtu;
  private boolean up;

  private NewLink(String kind, String name) {
    this.kind = kind;
    this.name = Names.checked(name, kind);
  }

  /** A bridge; STP stays off unless {@link #stp(boolean)} says otherwise (labs want ports forwarding at once). */
  public static NewLink bridge(String name) {
    return new NewLink("bridge", name).stp(false);
  }

  /** A veth pair: {@code name} and {@code peer} are the two ends, created in the same namespace. */
  public static NewLink veth(String name, String peer) {
    NewLink link = new NewLink("veth", name);
    link.peer = Names.checked(peer, "veth peer");
    return link;
  }

  /**
   * Creates the veth's peer directly in the namespace of the open file {@code fd}
   * (/var/run/netns/NAME): the peer's own settings (alias, up) are then the caller's business there.
   */
  public NewLink peerNamespace(int fd) {
    if (peer == null) {
      throw new IllegalStateException("only a veth has a peer to place in another namespace");
    }
    this.peerNamespaceFd = fd;
    return this;
  }

  public static NewLink dummy(String name) {
    return new NewLink("dummy", name);
  }

  public NewLink stp(boolean on) {
    if (!kind.equals("bridge")) {
      throw new IllegalStateException("STP is a bridge setting, not a " + kind + "'s");
    }
    this.stp = on;
    return this;
  }

  public NewLink alias(String alias) {
    this.alias = Names.checkedAlias(alias);
    return this;
  }

  public NewLink group(int group) {
    this.group = group;
    return this;
  }

  public NewLink mtu(int mtu) {
    this.mtu = mtu;
    return this;
  }

  public NewLink up() {
    this.up = true;
    return this;
  }

  public String name() {
    return name;
  }

  /** The settings the kernel does not take at creation, addressed by the ifindexes it reported. */
  public List<NlRequest> followUps(CreatedLink made) {
    List<NlRequest> out = new ArrayList<>();
    if (alias != null) {
      out.add(SetLink.index(made.index(), name).alias(alias).request());
    }
    if (peer != null && peerNamespaceFd == null && (alias != null || up)) {
      // Made by the same request as the link: a peer the kernel did not report is still ours by name.
      SetLink peerChange = made.peerIndex() > 0 ? SetLink.index(made.peerIndex(), peer) : SetLink.named(peer);
      if (alias != null) {
        peerChange.alias(alias);
      }
      if (up) {
        peerChange.up(true);
      }
      out.add(peerChange.request());
    }
    return out;
  }

  /** The link kind given to the kernel (IFLA_INFO_KIND): bridge, veth, dummy. */
  public String kind() {
    return kind;
  }

  /** The link group it is created in, if one is set. */
  public java.util.Optional<Integer> group() {
    return java.util.Optional.ofNullable(group);
  }

  /**
   * The creating request alone, with NLM_F_ECHO: the kernel answers with the new link (so its
   * ifindex) before the ACK. Nothing may follow it in the same batch: when the name is taken the
   * create fails, and a change addressed by name would land on the link that holds it.
   */
  public NlRequest create() {
    String description = "create " + kind + " '" + name + "'" + (peer == null ? "" : " with peer '" + peer + "'");
    NlRequest r = NlRequest.change(Nl.RTM_NEWLINK, Nl.F_CREATE | Nl.F_EXCL | Nl.F_ECHO, description)
        .ifinfomsg(Nl.AF_UNSPEC, 0, up ? Nl.IFF_UP : 0, up ? Nl.IFF_UP : 0)
        .attrString(Nl.IFLA_IFNAME, name);
    common(r);
    r.beginNested(Nl.IFLA_LINKINFO).attrString(Nl.IFLA_INFO_KIND, kind);
    if (stp != null) {
      r.beginNested(Nl.IFLA_INFO_DATA).attrU32(Nl.IFLA_BR_STP_STATE, stp ? 1 : 0).endNested();
    }
    if (peer != null) {
      // The peer is described by its own ifinfomsg and attributes inside VETH_INFO_PEER. It cannot
      // be set up here: the kernel opens it before pairing it and refuses with ENOTCONN.
      r.beginNested(Nl.IFLA_INFO_DATA).beginNested(Nl.VETH_INFO_PEER)
          .ifinfomsg(Nl.AF_UNSPEC, 0, 0, 0)
          .attrString(Nl.IFLA_IFNAME, peer);
      common(r);
      if (peerNamespaceFd != null) {
        r.attrU32(Nl.IFLA_NET_NS_FD, peerNamespaceFd);
      }
      r.endNested().endNested();
    }
    return r.endNested();
  }

  private void common(NlRequest r) {
    if (mtu != null) {
      r.attrU32(Nl.IFLA_MTU, mtu);
    }
    if (group != null) {
      r.attrU32(Nl.IFLA_GROUP, group);
    }
  }
}
