package dev.patchbay.backends.netlink;

/**
 * A link a request of ours has just made, as the kernel reported it back: its ifindex, and for a veth
 * whose peer is in the same namespace the peer's ifindex (0 when there is none or it is elsewhere).
 * Later changes are addressed by these indexes, never by name: a name may belong to someone else's
 * link, an ifindex the kernel handed to us cannot.
 */
public record CreatedLink(int index, int peerIndex) {
  public CreatedLink {
    if (index <= 0) {
      throw new IllegalArgumentException("a created link has a positive ifindex, not " + index);
    }
  }
}
