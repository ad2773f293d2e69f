package dev.patchbay.backends.netlink;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/** Loads libc once and turns errno into the words a network engineer expects ("EEXIST: File exists"). */
public final class Native {
  /** Constants from the Linux x86_64/arm64 ABI (asm-generic); the only platforms Patchbay runs on. */
  public static final int AF_NETLINK = 16;
  public static final int SOCK_RAW = 3;
  public static final int SOCK_CLOEXEC = 0x80000;
  public static final int NETLINK_ROUTE = 0;
  public static final int O_RDONLY = 0;
  public static final int O_RDWR = 2;
  public static final int O_CLOEXEC = 0x80000;
  public static final int CLONE_NEWNET = 0x40000000;
  public static final long SYS_GETTID_X86_64 = 186;

  private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
  private static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
  private static final ConcurrentMap<Integer, String> STRERROR = new ConcurrentHashMap<>();

  private Native() {}

  public static LibC libc() {
    return LIBC;
  }

  /** errno of the last call made by this thread through {@link #libc()}. */
  public static int errno() {
    return LastError.getLastError(RUNTIME);
  }

  /** strerror's text; cached because glibc's strerror is not guaranteed to be thread-safe. */
  public static String strerror(int errno) {
    return STRERROR.computeIfAbsent(errno, e -> {
      synchronized (Native.class) {
        return LIBC.strerror(e);
      }
    });
  }

  /** "EEXIST: File exists". */
  public static String describe(int errno) {
    return Errno.name(errno) + ": " + strerror(errno);
  }
}
