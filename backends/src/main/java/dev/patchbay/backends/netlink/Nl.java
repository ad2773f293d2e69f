package dev.patchbay.backends.netlink;

/**
 * Numbers of the rtnetlink protocol (linux/netlink.h, rtnetlink.h, if_link.h, if_addr.h, if.h). They
 * are kernel ABI: stable across versions, so they live here instead of being read from headers.
 */
public final class Nl {
  private Nl() {}

  // nlmsghdr types and flags
  public static final int NLMSG_HDRLEN = 16;
  public static final int NLMSG_NOOP = 1;
  public static final int NLMSG_ERROR = 2;
  public static final int NLMSG_DONE = 3;
  public static final int F_REQUEST = 0x1;
  public static final int F_MULTI = 0x2;
  public static final int F_ACK = 0x4;
  /** Asks the kernel to send the requester the object it made (RTM_NEWLINK honours it since Linux 6.1). */
  public static final int F_ECHO = 0x8;
  public static final int F_DUMP_INTR = 0x10;
  public static final int F_DUMP = 0x300;
  public static final int F_REPLACE = 0x100;
  public static final int F_EXCL = 0x200;
  public static final int F_CREATE = 0x400;
  /** On an NLMSG_ERROR: the request was not echoed back (NETLINK_CAP_ACK) / TLVs follow (NETLINK_EXT_ACK). */
  public static final int F_CAPPED = 0x100;
  public static final int F_ACK_TLVS = 0x200;
  public static final int NLMSGERR_ATTR_MSG = 1;

  // socket options (SOL_NETLINK, SOL_SOCKET)
  public static final int SOL_SOCKET = 1;
  public static final int SO_SNDBUFFORCE = 32;
  public static final int SO_RCVBUFFORCE = 33;
  public static final int SOL_NETLINK = 270;
  public static final int NETLINK_CAP_ACK = 10;
  public static final int NETLINK_EXT_ACK = 11;

  // rtnetlink message types
  public static final int RTM_NEWLINK = 16;
  public static final int RTM_DELLINK = 17;
  public static final int RTM_GETLINK = 18;
  public static final int RTM_SETLINK = 19;
  public static final int RTM_NEWADDR = 20;
  public static final int RTM_DELADDR = 21;
  public static final int RTM_GETADDR = 22;
  public static final int RTM_NEWROUTE = 24;
  public static final int RTM_DELROUTE = 25;
  public static final int RTM_GETROUTE = 26;
  public static final int RTM_GETSTATS = 94;

  public static final int AF_UNSPEC = 0;
  public static final int AF_INET = 2;
  public static final int IFF_UP = 0x1;
  public static final int IFF_MULTICAST = 0x1000;

  // struct sizes
  public static final int IFINFOMSG_LEN = 16;
  public static final int IFADDRMSG_LEN = 8;
  public static final int RTMSG_LEN = 12;
  public static final int IF_STATS_MSG_LEN = 12;

  // IFLA_* link attributes
  public static final int IFLA_ADDRESS = 1;
  public static final int IFLA_IFNAME = 3;
  /** The ifindex a link is tied to: a veth's peer. Left out when it is the link's own. */
  public static final int IFLA_LINK = 5;
  public static final int IFLA_MTU = 4;
  public static final int IFLA_MASTER = 10;
  public static final int IFLA_LINKINFO = 18;
  public static final int IFLA_IFALIAS = 20;
  public static final int IFLA_STATS64 = 23;
  public static final int IFLA_GROUP = 27;
  public static final int IFLA_NET_NS_FD = 28;
  public static final int IFLA_LINK_NETNSID = 37;
  public static final int IFLA_INFO_KIND = 1;
  public static final int IFLA_INFO_DATA = 2;
  public static final int IFLA_BR_STP_STATE = 5;
  public static final int VETH_INFO_PEER = 1;

  // IFA_* address attributes
  public static final int IFA_ADDRESS = 1;
  public static final int IFA_LOCAL = 2;

  // RTA_* route attributes and rtmsg values
  public static final int RTA_DST = 1;
  public static final int RTA_OIF = 4;
  public static final int RTA_GATEWAY = 5;
  public static final int RTA_TABLE = 15;
  public static final int RT_TABLE_MAIN = 254;
  public static final int RTPROT_STATIC = 4;
  public static final int RT_SCOPE_UNIVERSE = 0;
  public static final int RT_SCOPE_LINK = 253;
  public static final int RTN_UNICAST = 1;

  // RTM_GETSTATS
  public static final int IFLA_STATS_LINK_64 = 1;

  /** Attributes and messages are padded to 4 bytes. */
  public static int align(int length) {
    return (length + 3) & ~3;
  }
}
