package dev.patchbay.backends.netlink;

import java.nio.ByteBuffer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/**
 * The few libc calls Patchbay needs to talk to the kernel without a helper process. Buffers are
 * direct ByteBuffers so jnr-ffi hands the kernel their memory without copying (it passes the address
 * at the buffer's position). Every call saves errno so {@link Native#errno()} reads the right one.
 */
public interface LibC {
  @SaveError int socket(int domain, int type, int protocol);

  @SaveError int bind(int fd, @In ByteBuffer address, int length);

  @SaveError int setsockopt(int fd, int level, int name, @In ByteBuffer value, int length);

  @SaveError long send(int fd, @In ByteBuffer buffer, long length, int flags);

  @SaveError long recv(int fd, @Out ByteBuffer buffer, long length, int flags);

  @SaveError long write(int fd, @In ByteBuffer buffer, long length);

  @SaveError long read(int fd, @Out ByteBuffer buffer, long length);

  @SaveError int open(String path, int flags);

  @SaveError int close(int fd);

  /** ioctl whose argument points to a structure (TUNSETIFF's struct ifreq). */
  @SaveError int ioctl(int fd, long request, ByteBuffer argument);

  /** ioctl whose argument is a plain number (TUNSETPERSIST, TUNSETOWNER, TUNSETGROUP). */
  @SaveError int ioctl(int fd, long request, long argument);

  @SaveError int setns(int fd, int namespaceType);

  /** unshare(CLONE_NEWNET) gives the calling thread a new network namespace (see Netns). */
  @SaveError int unshare(int flags);

  @SaveError int mount(String source, String target, String fileSystemType, long flags, String data);

  @SaveError int umount2(String target, int flags);

  @SaveError long syscall(long number);

  String strerror(int errno);
}
