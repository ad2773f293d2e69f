package dev.patchbay.backends.netlink;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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

  /**
   * Binding libc is jnr-ffi's start-up (its native stub, type mappers, a class generated with ASM):
   * ~150-350 ms of a fresh JVM here, more than the rest of a 660-step `patchbay up`. A FutureTask so
   * that {@link #bindInBackground} can start it early on another core and the first caller waits
   * only for what is left, with the binding's own error if it fails.
   */
  private static final FutureTask<LibC> BINDING = new FutureTask<>(() -> LibraryLoader.create(LibC.class).load("c"));
  private static final ConcurrentMap<Integer, String> STRERROR = new ConcurrentHashMap<>();
  private static volatile LibC libc;
  private static volatile Runtime runtime;

  private Native() {}

  /**
   * Starts binding libc on a daemon thread and returns at once: callers that will need the kernel
   * soon (an up, the agent) call it first, so the binding overlaps their reading and planning.
   */
  public static void bindInBackground() {
    if (libc == null && !BINDING.isDone()) {
      Thread t = new Thread(BINDING, "patchbay-libc-binding");
      t.setDaemon(true);
      t.start();
    }
  }

  public static LibC libc() {
    LibC bound = libc;
    return bound != null ? bound : bind();
  }

  private static LibC bind() {
    BINDING.run(); // no-op when the background thread is binding or has bound: get() waits for it
    try {
      LibC bound = BINDING.get();
      runtime = Runtime.getRuntime(bound);
      libc = bound;
      return bound;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding libc", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException("cannot bind libc", e.getCause());
    }
  }

  /** errno of the last call made by this thread through {@link #libc()}. */
  public static int errno() {
    libc();
    return LastError.getLastError(runtime);
  }

  /** strerror's text; cached because glibc's strerror is not guaranteed to be thread-safe. */
  public static String strerror(int errno) {
    return STRERROR.computeIfAbsent(errno, e -> {
      synchronized (Native.class) {
        return libc().strerror(e);
      }
    });
  }

  /** "EEXIST: File exists". */
  public static String describe(int errno) {
    return Errno.name(errno) + ": " + strerror(errno);
  }
}
