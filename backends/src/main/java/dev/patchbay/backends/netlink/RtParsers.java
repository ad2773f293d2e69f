package dev.patchbay.backends.netlink;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.net.Mac;
import java.nio.ByteBuffer;
import java.util.Optional;

/** Turns RTM_NEWLINK / NEWADDR / NEWROUTE / NEWSTATS answers into Patchbay's records. */
final class RtParsers {
  private static final int RTM_NEWSTATS = 92;

  private RtParsers() {}

  static Link link(int type, ByteBuffer b, int start, int end) {
    if (type != Nl.RTM_NEWLINK) {
      return null;
    }
    int index = b.getInt(start + 4);
    int flags = b.getInt(start + 8);
    NlAttrs a = NlAttrs.parse(b, start + Nl.IFINFOMSG_LEN, end);
    String kind = a.nested(Nl.IFLA_LINKINFO).string(Nl.IFLA_INFO_KIND);
    String alias = a.string(Nl.IFLA_IFALIAS);
    Optional<LinkCounters> counters = a.length(Nl.IFLA_STATS64) >= LinkCounters.BYTES
        ? Optional.of(a.counters(Nl.IFLA_STATS64)) : Optional.empty();
    return new Link(index, a.string(Nl.IFLA_IFNAME), kind == null ? "" : kind, a.u32(Nl.IFLA_MASTER, 0),
        (flags & Nl.IFF_UP) != 0, a.u32(Nl.IFLA_MTU, 0), mac(a.bytes(Nl.IFLA_ADDRESS)),
        Optional.ofNullable(alias).filter(s -> !s.isEmpty()), a.u32(Nl.IFLA_GROUP, 0), counters);
  }

  /**
   * The ifindexes in the kernel's echo of a link we created (NLM_F_ECHO): the link's own and, when
   * IFLA_LINK names a link of the same namespace (a veth's peer), that one.
   */
  static CreatedLink created(ByteBuffer b, int start, int end) {
    int index = b.getInt(start + 4);
    NlAttrs a = NlAttrs.parse(b, start + Nl.IFINFOMSG_LEN, end);
    int peer = a.has(Nl.IFLA_LINK_NETNSID) ? 0 : a.u32(Nl.IFLA_LINK, 0);
    return new CreatedLink(index, peer == index ? 0 : peer);
  }

  private static Optional<Mac> mac(byte[] bytes) {
    if (bytes == null || bytes.length != 6) {
      return Optional.empty();
    }
    long bits = 0;
    for (byte x : bytes) {
      bits = (bits << 8) | (x & 0xff);
    }
    return Optional.of(new Mac(bits));
  }

  static InterfaceAddress address(int type, ByteBuffer b, int start, int end) {
    if (type != Nl.RTM_NEWADDR || Byte.toUnsignedInt(b.get(start)) != Nl.AF_INET) {
      return null;
    }
    int prefix = Byte.toUnsignedInt(b.get(start + 1));
    int index = b.getInt(start + 4);
    NlAttrs a = NlAttrs.parse(b, start + Nl.IFADDRMSG_LEN, end);
    int field = a.has(Nl.IFA_LOCAL) ? Nl.IFA_LOCAL : Nl.IFA_ADDRESS;
    return new InterfaceAddress(index, new Cidr(ipv4(a.bytes(field)), prefix));
  }

  /** Routes of the main IPv4 table; the local and other tables are left out. */
  static Route route(int type, ByteBuffer b, int start, int end) {
    if (type != Nl.RTM_NEWROUTE || Byte.toUnsignedInt(b.get(start)) != Nl.AF_INET) {
      return null;
    }
    int prefix = Byte.toUnsignedInt(b.get(start + 1));
    NlAttrs a = NlAttrs.parse(b, start + Nl.RTMSG_LEN, end);
    int table = a.u32(Nl.RTA_TABLE, Byte.toUnsignedInt(b.get(start + 4)));
    if (table != Nl.RT_TABLE_MAIN) {
      return null;
    }
    Ipv4 dst = a.has(Nl.RTA_DST) ? ipv4(a.bytes(Nl.RTA_DST)) : new Ipv4(0);
    Optional<Ipv4> gateway = Optional.ofNullable(a.bytes(Nl.RTA_GATEWAY)).map(RtParsers::ipv4);
    return new Route(new Cidr(dst, prefix), gateway, a.u32(Nl.RTA_OIF, 0),
        Byte.toUnsignedInt(b.get(start + 6)), Byte.toUnsignedInt(b.get(start + 5)));
  }

  /** One interface's IFLA_STATS_LINK_64 from an RTM_GETSTATS answer, keyed by ifindex. */
  static IndexedCounters stats(int type, ByteBuffer b, int start, int end) {
    if (type != RTM_NEWSTATS) {
      return null;
    }
    NlAttrs a = NlAttrs.parse(b, start + Nl.IF_STATS_MSG_LEN, end);
    if (a.length(Nl.IFLA_STATS_LINK_64) < LinkCounters.BYTES) {
      return null;
    }
    return new IndexedCounters(b.getInt(start + 4), a.counters(Nl.IFLA_STATS_LINK_64));
  }

  record IndexedCounters(int index, LinkCounters counters) {}

  private static Ipv4 ipv4(byte[] bytes) {
    return new Ipv4(((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff));
  }
}
