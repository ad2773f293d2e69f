package dev.patchbay.backends.netlink;

import java.nio.ByteBuffer;

/** The kernel's 64-bit counters of one interface (the first eight fields of rtnl_link_stats64). */
public record LinkCounters(long rxPackets, long txPackets, long rxBytes, long txBytes,
    long rxErrors, long txErrors, long rxDropped, long txDropped) {

  /** Reads a struct rtnl_link_stats64 at {@code offset}. */
  static LinkCounters read(ByteBuffer buffer, int offset) {
    return new LinkCounters(buffer.getLong(offset), buffer.getLong(offset + 8),
        buffer.getLong(offset + 16), buffer.getLong(offset + 24), buffer.getLong(offset + 32),
        buffer.getLong(offset + 40), buffer.getLong(offset + 48), buffer.getLong(offset + 56));
  }

  /** The fields above need this many bytes of the attribute. */
  static final int BYTES = 64;

  /** What changed since {@code before} (counters only grow while the interface exists). */
  public LinkCounters minus(LinkCounters before) {
    return new LinkCounters(rxPackets - before.rxPackets, txPackets - before.txPackets,
        rxBytes - before.rxBytes, txBytes - before.txBytes, rxErrors - before.rxErrors,
        txErrors - before.txErrors, rxDropped - before.rxDropped, txDropped - before.txDropped);
  }
}
