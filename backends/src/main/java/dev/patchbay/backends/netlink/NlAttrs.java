package dev.patchbay.backends.netlink;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The rtattrs of one message (or of one nested attribute), indexed by type. Types above
 * {@link #MAX_TYPE} are skipped: Patchbay reads only the old, low-numbered attributes.
 */
public final class NlAttrs {
  public static final int MAX_TYPE = 63;
  private static final int TYPE_MASK = 0x3fff;

  private final ByteBuffer buffer;
  private final int[] offset = new int[MAX_TYPE + 1];
  private final int[] length = new int[MAX_TYPE + 1];

  private NlAttrs(ByteBuffer buffer) {
    this.buffer = buffer;
    Arrays.fill(offset, -1);
  }

  /** Parses the attributes between absolute positions {@code start} and {@code end} of {@code buffer}. */
  public static NlAttrs parse(ByteBuffer buffer, int start, int end) {
    NlAttrs attrs = new NlAttrs(buffer);
    int at = start;
    while (at + 4 <= end) {
      int len = Short.toUnsignedInt(buffer.getShort(at));
      int type = Short.toUnsignedInt(buffer.getShort(at + 2)) & TYPE_MASK;
      if (len < 4 || at + len > end) {
        break;
      }
      if (type <= MAX_TYPE) {
        attrs.offset[type] = at + 4;
        attrs.length[type] = len - 4;
      }
      at += Nl.align(len);
    }
    return attrs;
  }

  public boolean has(int type) {
    return offset[type] >= 0;
  }

  public int u32(int type, int fallback) {
    return has(type) && length[type] >= 4 ? buffer.getInt(offset[type]) : fallback;
  }

  /** Reads a struct rtnl_link_stats64 attribute (IFLA_STATS64, IFLA_STATS_LINK_64). */
  public LinkCounters counters(int type) {
    return LinkCounters.read(buffer, offset[type]);
  }

  /** A string attribute without its terminating NUL, or null if absent. */
  public String string(int type) {
    if (!has(type)) {
      return null;
    }
    int end = offset[type];
    int limit = offset[type] + length[type];
    while (end < limit && buffer.get(end) != 0) {
      end++;
    }
    byte[] text = new byte[end - offset[type]];
    buffer.get(offset[type], text);
    return new String(text, StandardCharsets.UTF_8);
  }

  public byte[] bytes(int type) {
    if (!has(type)) {
      return null;
    }
    byte[] value = new byte[length[type]];
    buffer.get(offset[type], value);
    return value;
  }

  public int length(int type) {
    return has(type) ? length[type] : 0;
  }

  /** The attributes nested inside attribute {@code type}, or an empty set if it is absent. */
  public NlAttrs nested(int type) {
    if (!has(type)) {
      return new NlAttrs(buffer);
    }
    return parse(buffer, offset[type], offset[type] + length[type]);
  }
}
