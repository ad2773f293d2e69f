package dev.patchbay.backends.tun;

import dev.patchbay.backends.netlink.LibC;
import dev.patchbay.backends.netlink.NamespaceThread;
import dev.patchbay.backends.netlink.Names;
import dev.patchbay.backends.netlink.Native;
import dev.patchbay.backends.netlink.NetlinkException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A tap interface made through /dev/net/tun (tun/tap cannot be created by rtnetlink). The tap is
 * created in the network namespace of the thread that OPENS /dev/net/tun: the open binds the file to
 * that namespace and TUNSETIFF creates the device there, whichever thread issues the ioctl later
 * (checked by TapLiveTest). So {@link #createIn} opens the file on a {@link NamespaceThread}.
 *
 * <p>A lab's taps are persistent: created, marked persistent and owned by the user who runs QEMU,
 * then the file descriptor is closed; QEMU attaches by name later. Delete one with RTM_DELLINK.
 * While this object is open, frames written to it arrive on the tap as received frames.
 */
public final class Tap implements AutoCloseable {
  private static final long TUNSETIFF = 0x400454caL;
  private static final long TUNSETPERSIST = 0x400454cbL;
  private static final long TUNSETOWNER = 0x400454ccL;
  private static final long TUNSETGROUP = 0x400454ceL;
  private static final short IFF_TAP = 0x0002;
  private static final short IFF_NO_PI = 0x1000;
  /** Refuse to attach to an existing tap of the same name: Patchbay only takes taps it created. */
  private static final short IFF_TUN_EXCL = (short) 0x8000;
  private static final int IFREQ_SIZE = 40;
  private static final int EIO = 5;

  private final LibC libc = Native.libc();
  private final String name;
  private int fd;

  private Tap(String name, int fd) {
    this.name = name;
    this.fd = fd;
  }

  /** Creates the tap {@code name} in the calling thread's namespace; EBUSY if a tap of that name exists. */
  public static Tap create(String name) throws NetlinkException {
    Names.checked(name, "tap");
    LibC libc = Native.libc();
    int fd = libc.open("/dev/net/tun", Native.O_RDWR | Native.O_CLOEXEC);
    if (fd < 0) {
      throw new NetlinkException("open /dev/net/tun for tap '" + name + "'", Native.errno(), null);
    }
    ByteBuffer ifreq = ByteBuffer.allocateDirect(IFREQ_SIZE).order(ByteOrder.nativeOrder());
    ifreq.put(0, name.getBytes(StandardCharsets.UTF_8));
    ifreq.putShort(16, (short) (IFF_TAP | IFF_NO_PI | IFF_TUN_EXCL));
    if (libc.ioctl(fd, TUNSETIFF, ifreq) < 0) {
      int errno = Native.errno();
      libc.close(fd);
      throw new NetlinkException("create tap '" + name + "'", errno, null);
    }
    return new Tap(name, fd);
  }

  /** Creates the tap inside the namespace of {@code thread}. */
  public static Tap createIn(NamespaceThread thread, String name) throws IOException {
    return thread.call(() -> create(name));
  }

  /** Creates the tap inside the named namespace (/var/run/netns/NAME), on a thread that ends afterwards. */
  public static Tap createIn(String namespace, String name) throws IOException {
    try (NamespaceThread thread = NamespaceThread.enter(namespace)) {
      return createIn(thread, name);
    }
  }

  /**
   * The lab's usual tap: persistent, owned by {@code uid} (so an unprivileged QEMU may attach),
   * file descriptor closed. {@code thread} may be null for the calling thread's namespace.
   */
  public static void createPersistent(NamespaceThread thread, String name, int uid) throws IOException {
    try (Tap tap = thread == null ? create(name) : createIn(thread, name)) {
      tap.owner(uid);
      tap.persist(true);
    }
  }

  public String name() {
    return name;
  }

  /** A persistent tap outlives this file descriptor. */
  public void persist(boolean on) throws NetlinkException {
    ioctl(TUNSETPERSIST, on ? 1 : 0, "set persistence of");
  }

  public void owner(int uid) throws NetlinkException {
    ioctl(TUNSETOWNER, uid, "set owner of");
  }

  public void group(int gid) throws NetlinkException {
    ioctl(TUNSETGROUP, gid, "set group of");
  }

  /** Writes one Ethernet frame; the tap counts it as received. */
  public void write(byte[] frame) throws NetlinkException {
    ByteBuffer buffer = ByteBuffer.allocateDirect(frame.length);
    buffer.put(0, frame);
    long n = libc.write(openFd(), buffer, frame.length);
    if (n != frame.length) {
      throw new NetlinkException("write a frame to tap '" + name + "'", n < 0 ? Native.errno() : EIO, null);
    }
  }

  private void ioctl(long request, long argument, String what) throws NetlinkException {
    if (libc.ioctl(openFd(), request, argument) < 0) {
      throw new NetlinkException(what + " tap '" + name + "'", Native.errno(), null);
    }
  }

  private int openFd() {
    if (fd < 0) {
      throw new IllegalStateException("tap '" + name + "' is closed");
    }
    return fd;
  }

  /** Closes the file descriptor; a tap that is not persistent disappears with it. */
  @Override
  public void close() {
    if (fd >= 0) {
      libc.close(fd);
      fd = -1;
    }
  }
}
