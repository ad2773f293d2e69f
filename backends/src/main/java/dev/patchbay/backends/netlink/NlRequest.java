package dev.patchbay.backends.netlink;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * One netlink request: nlmsghdr, a family header (ifinfomsg, ifaddrmsg, rtmsg...) and rtattrs, nested
 * where the protocol nests them. It carries a description in the user's words so a kernel refusal can
 * say which step failed ("create bridge 'br0': EEXIST: File exists").
 */
public final class NlRequest {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.nativeOrder());
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
  private byte[] bytes = new byte[128];
  private int length;
  private final Deque<Integer> nests = new ArrayDeque<>();
  private final String description;

  private NlRequest(int type, int flags, String description) {
    this.description = description;
    putInt(0);
    putShort(type);
    putShort(flags | Nl.F_REQUEST);
    putInt(0);
    putInt(0);
  }

  /** A request that changes something; the kernel answers with an ACK or an error. */
  public static NlRequest change(int type, int flags, String description) {
    return new NlRequest(type, flags | Nl.F_ACK, description);
  }

  /** A request for one object; the kernel answers with it or with an error. */
  public static NlRequest get(int type, String description) {
    return new NlRequest(type, 0, description);
  }

  /** A dump request; the kernel answers with many messages and NLMSG_DONE. */
  public static NlRequest dump(int type, String description) {
    return new NlRequest(type, Nl.F_DUMP, description);
  }

  public String description() {
    return description;
  }

  public int type() {
    return Short.toUnsignedInt((short) SHORT.get(bytes, 4));
  }

  public int length() {
    return length;
  }

  public NlRequest ifinfomsg(int family, int index, int flags, int change) {
    put8(family).put8(0).putShort(0);
    putInt(index).putInt(flags).putInt(change);
    return this;
  }

  public NlRequest ifaddrmsg(int family, int prefix, int flags, int scope, int index) {
    put8(family).put8(prefix).put8(flags).put8(scope).putInt(index);
    return this;
  }

  /** struct rtmsg: family, dst_len, src_len, tos, table, protocol, scope, type, flags. */
  public NlRequest rtmsg(int family, int dstLength, int table, int protocol, int scope, int routeType) {
    put8(family).put8(dstLength).put8(0).put8(0);
    put8(table).put8(protocol).put8(scope).put8(routeType).putInt(0);
    return this;
  }

  /** struct if_stats_msg: family, pad, pad, ifindex, filter_mask. */
  public NlRequest statsmsg(int family, int index, int filterMask) {
    put8(family).put8(0).putShort(0).putInt(index).putInt(filterMask);
    return this;
  }

  public NlRequest attr(int type, byte[] value) {
    int start = attrHeader(type, value.length);
    ensure(value.length);
    System.arraycopy(value, 0, bytes, length, value.length);
    length += value.length;
    pad(start);
    return this;
  }

  public NlRequest attrU32(int type, int value) {
    attrHeader(type, 4);
    return putInt(value);
  }

  /** A NUL-terminated string attribute, as the kernel's NLA_STRING/NLA_NUL_STRING policies expect. */
  public NlRequest attrString(int type, String value) {
    byte[] text = value.getBytes(StandardCharsets.UTF_8);
    return attr(type, Arrays.copyOf(text, text.length + 1));
  }

  public NlRequest beginNested(int type) {
    nests.push(length);
    attrHeader(type, 0);
    return this;
  }

  public NlRequest endNested() {
    int start = nests.pop();
    SHORT.set(bytes, start, (short) (length - start));
    return this;
  }

  /** Writes length and sequence number into the header and copies the message into {@code out}. */
  void writeTo(ByteBuffer out, int seq) {
    if (!nests.isEmpty()) {
      throw new IllegalStateException("unclosed nested attribute in " + description);
    }
    INT.set(bytes, 0, length);
    INT.set(bytes, 8, seq);
    out.put(bytes, 0, length);
  }

  private int attrHeader(int type, int valueLength) {
    int start = length;
    putShort(4 + valueLength);
    putShort(type);
    return start;
  }

  private void pad(int attrStart) {
    SHORT.set(bytes, attrStart, (short) (length - attrStart));
    int padded = Nl.align(length);
    ensure(padded - length);
    length = padded;
  }

  private NlRequest put8(int v) {
    ensure(1);
    bytes[length++] = (byte) v;
    return this;
  }

  private NlRequest putShort(int v) {
    ensure(2);
    SHORT.set(bytes, length, (short) v);
    length += 2;
    return this;
  }

  private NlRequest putInt(int v) {
    ensure(4);
    INT.set(bytes, length, v);
    length += 4;
    return this;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
