package dev.patchbay.backends.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A NETLINK_ROUTE socket. The socket belongs to the network namespace of the thread that created it
 * and keeps talking to that namespace whichever thread uses it later (see {@link NamespaceThread}).
 * Not thread-safe: one caller at a time.
 *
 * <p>Changes go out in batches: many requests in one send(2), each with NLM_F_ACK, then every ACK
 * is read back. The kernel handles a batch's requests one after the other, so the result is the
 * same as sending them one by one, with far fewer system calls.
 */
public final class NetlinkSocket implements AutoCloseable {
  private static final int SEND_CAPACITY = 64 * 1024;
  private static final int RECEIVE_CAPACITY = 64 * 1024;
  private static final int SOCKET_BUFFER = 8 * 1024 * 1024;
  private static final int MSG_TRUNC = 0x20;
  private static final int DUMP_ATTEMPTS = 5;
  private static final int SO_RCVTIMEO = 20;
  private static final long ANSWER_TIMEOUT_SECONDS = 120;
  private static final int SMALL_BUFFER_BATCH = 128;
  private static final int LARGE_BUFFER_BATCH = 2048;

  private final LibC libc = Native.libc();
  private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(SEND_CAPACITY).order(ByteOrder.nativeOrder());
  private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(RECEIVE_CAPACITY).order(ByteOrder.nativeOrder());
  private final int fd;
  /** Requests per send(2): every one of them queues an ACK, and an ACK that finds no room is lost. */
  private int batchLimit = SMALL_BUFFER_BATCH;
  private int seq = (int) (System.nanoTime() & 0x3fffffff);

  private NetlinkSocket(int fd) {
    this.fd = fd;
  }

  /** Opens a socket in the calling thread's network namespace. */
  public static NetlinkSocket open() throws NetlinkException {
    LibC libc = Native.libc();
    int fd = libc.socket(Native.AF_NETLINK, Native.SOCK_RAW | Native.SOCK_CLOEXEC, Native.NETLINK_ROUTE);
    if (fd < 0) {
      throw NetlinkException.lastError("open a netlink socket");
    }
    NetlinkSocket socket = new NetlinkSocket(fd);
    try {
      socket.configure();
    } catch (NetlinkException e) {
      socket.close();
      throw e;
    }
    return socket;
  }

  private void configure() throws NetlinkException {
    ByteBuffer address = ByteBuffer.allocateDirect(12).order(ByteOrder.nativeOrder());
    address.putShort(0, (short) Native.AF_NETLINK);
    if (libc.bind(fd, address, 12) < 0) {
      throw NetlinkException.lastError("bind the netlink socket");
    }
    // Room for thousands of ACKs of one batch: an ACK that does not fit is dropped by the kernel.
    // Forcing the size needs CAP_NET_ADMIN; without it the default buffer and small batches are kept.
    if (setOption(Nl.SOL_SOCKET, Nl.SO_RCVBUFFORCE, SOCKET_BUFFER)) {
      batchLimit = LARGE_BUFFER_BATCH;
    }
    setOption(Nl.SOL_SOCKET, Nl.SO_SNDBUFFORCE, SOCKET_BUFFER);
    // A kernel answer that never comes must end in an error, not a thread blocked forever. Generous:
    // deleting thousands of bridge ports in one request takes seconds.
    ByteBuffer timeval = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
    timeval.putLong(0, ANSWER_TIMEOUT_SECONDS);
    libc.setsockopt(fd, Nl.SOL_SOCKET, SO_RCVTIMEO, timeval, 16);
    setOption(Nl.SOL_NETLINK, Nl.NETLINK_CAP_ACK, 1);
    setOption(Nl.SOL_NETLINK, Nl.NETLINK_EXT_ACK, 1);
  }

  private boolean setOption(int level, int name, int value) {
    ByteBuffer v = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
    v.putInt(0, value);
    return libc.setsockopt(fd, level, name, v, 4) == 0;
  }

  /** Sends one change request and waits for its ACK. */
  public void execute(NlRequest request) throws NetlinkException {
    execute(List.of(request)).throwIfFailed();
  }

  /**
   * Sends all requests in as few send(2) calls as fit and collects the kernel's answer to each. If
   * a send itself fails, that chunk and the rest count as failed (not applied) with its error. If
   * reading the ACKs fails, what the kernel did is unknown and this throws: re-read the live state.
   */
  public BatchResult execute(List<NlRequest> requests) throws NetlinkException {
    TreeMap<Integer, NetlinkException> failures = new TreeMap<>();
    java.util.Map<Integer, CreatedLink> created = new java.util.HashMap<>();
    int next = 0;
    while (next < requests.size()) {
      int first = next;
      int firstSeq = seq + 1;
      sendBuffer.clear();
      while (next < requests.size() && next - first < batchLimit && fits(requests.get(next), next == first)) {
        requests.get(next).writeTo(sendBuffer, ++seq);
        next++;
      }
      try {
        sendAll(requests.get(first).description());
      } catch (NetlinkException e) {
        for (int i = first; i < requests.size(); i++) {
          failures.put(i, new NetlinkException(requests.get(i).description() + " (not sent)", e.errno(), null));
        }
        break;
      }
      awaitAcks(requests, first, firstSeq, next - first, failures, created);
    }
    return new BatchResult(requests.size(), failures, created);
  }

  private boolean fits(NlRequest request, boolean firstOfBatch) {
    if (request.length() > SEND_CAPACITY) {
      throw new IllegalArgumentException(request.description() + ": request of " + request.length() + " bytes");
    }
    return firstOfBatch || sendBuffer.position() + request.length() <= SEND_CAPACITY;
  }

  private void sendAll(String step) throws NetlinkException {
    int length = sendBuffer.position();
    sendBuffer.position(0);
    long sent = libc.send(fd, sendBuffer, length, 0);
    if (sent < 0) {
      throw NetlinkException.lastError(step);
    }
    if (sent != length) {
      throw new IllegalStateException("netlink accepted " + sent + " of " + length + " bytes");
    }
  }

  /**
   * Reads the ACK of each request; an echoed RTM_NEWLINK (a create sent with NLM_F_ECHO) arrives
   * before its request's ACK and is kept in {@code created}.
   */
  private void awaitAcks(List<NlRequest> requests, int first, int firstSeq, int count,
      TreeMap<Integer, NetlinkException> failures, java.util.Map<Integer, CreatedLink> created)
      throws NetlinkException {
    int acked = 0;
    while (acked < count) {
      int length = receive(requests.get(first).description());
      for (int at = 0; at + Nl.NLMSG_HDRLEN <= length; at = next(at)) {
        int index = receiveBuffer.getInt(at + 8) - firstSeq;
        if (index < 0 || index >= count) {
          continue; // a stray answer to an earlier, abandoned exchange
        }
        if (header(at, 4) == Nl.RTM_NEWLINK) {
          created.put(first + index, RtParsers.created(receiveBuffer, at + Nl.NLMSG_HDRLEN, at + receiveBuffer.getInt(at)));
          continue;
        }
        if (header(at, 4) != Nl.NLMSG_ERROR) {
          continue;
        }
        acked++;
        int errno = -receiveBuffer.getInt(at + Nl.NLMSG_HDRLEN);
        if (errno != 0) {
          NlRequest request = requests.get(first + index);
          failures.put(first + index, new NetlinkException(request.description(), errno, extAck(at)));
        }
      }
    }
  }

  /**
   * Runs a dump and hands each answer to {@code parser}; null results are left out. A dump the kernel
   * marks as interrupted (the table changed while it was being read) is started again.
   */
  public <T> List<T> dump(NlRequest request, MessageParser<T> parser) throws NetlinkException {
    for (int attempt = 1; ; attempt++) {
      List<T> out = new ArrayList<>();
      boolean interrupted = dumpOnce(request, parser, out);
      if (!interrupted || attempt == DUMP_ATTEMPTS) {
        return out;
      }
    }
  }

  private <T> boolean dumpOnce(NlRequest request, MessageParser<T> parser, List<T> out) throws NetlinkException {
    sendBuffer.clear();
    request.writeTo(sendBuffer, ++seq);
    sendAll(request.description());
    boolean interrupted = false;
    while (true) {
      int length = receive(request.description());
      for (int at = 0; at + Nl.NLMSG_HDRLEN <= length; at = next(at)) {
        if (receiveBuffer.getInt(at + 8) != seq) {
          continue;
        }
        interrupted |= (header(at, 6) & Nl.F_DUMP_INTR) != 0;
        int type = header(at, 4);
        if (type == Nl.NLMSG_DONE || type == Nl.NLMSG_ERROR) {
          int errno = -receiveBuffer.getInt(at + Nl.NLMSG_HDRLEN);
          if (errno > 0) {
            throw new NetlinkException(request.description(), errno, extAck(at));
          }
          return interrupted;
        }
        T item = parser.parse(type, receiveBuffer, at + Nl.NLMSG_HDRLEN, at + receiveBuffer.getInt(at));
        if (item != null) {
          out.add(item);
        }
      }
    }
  }

  /** Sends a request for one object and parses the kernel's answer. */
  public <T> T get(NlRequest request, MessageParser<T> parser) throws NetlinkException {
    sendBuffer.clear();
    request.writeTo(sendBuffer, ++seq);
    sendAll(request.description());
    while (true) {
      int length = receive(request.description());
      for (int at = 0; at + Nl.NLMSG_HDRLEN <= length; at = next(at)) {
        if (receiveBuffer.getInt(at + 8) != seq) {
          continue;
        }
        int type = header(at, 4);
        if (type == Nl.NLMSG_ERROR) {
          throw new NetlinkException(request.description(), -receiveBuffer.getInt(at + Nl.NLMSG_HDRLEN), extAck(at));
        }
        return parser.parse(type, receiveBuffer, at + Nl.NLMSG_HDRLEN, at + receiveBuffer.getInt(at));
      }
    }
  }

  private int receive(String step) throws NetlinkException {
    while (true) {
      long n = libc.recv(fd, receiveBuffer, RECEIVE_CAPACITY, MSG_TRUNC);
      if (n < 0 && Native.errno() == 4) {
        continue; // EINTR
      }
      if (n < 0) {
        throw NetlinkException.lastError(step + " (reading the kernel's answer)");
      }
      if (n > RECEIVE_CAPACITY) {
        throw new IllegalStateException("netlink answer of " + n + " bytes exceeds " + RECEIVE_CAPACITY);
      }
      return (int) n;
    }
  }

  private int header(int at, int offset) {
    return Short.toUnsignedInt(receiveBuffer.getShort(at + offset));
  }

  private int next(int at) {
    return at + Math.max(Nl.align(receiveBuffer.getInt(at)), Nl.NLMSG_HDRLEN);
  }

  /** The NLMSGERR_ATTR_MSG text of an extended ACK, if the kernel sent one. */
  private String extAck(int at) {
    int flags = header(at, 6);
    if ((flags & Nl.F_ACK_TLVS) == 0) {
      return null;
    }
    int end = at + receiveBuffer.getInt(at);
    int echoed = (flags & Nl.F_CAPPED) != 0 ? Nl.NLMSG_HDRLEN : receiveBuffer.getInt(at + Nl.NLMSG_HDRLEN + 4);
    int tlvs = at + Nl.NLMSG_HDRLEN + 4 + Nl.align(echoed);
    return NlAttrs.parse(receiveBuffer, tlvs, end).string(Nl.NLMSGERR_ATTR_MSG);
  }

  @Override
  public void close() {
    libc.close(fd);
  }

  /** Turns one dump answer (family header at {@code start}, message ends at {@code end}) into a value. */
  @FunctionalInterface
  public interface MessageParser<T> {
    T parse(int type, ByteBuffer buffer, int start, int end);
  }
}
