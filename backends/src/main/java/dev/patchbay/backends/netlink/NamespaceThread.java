package dev.patchbay.backends.netlink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A thread that lives in one network namespace, so work that depends on "the current namespace"
 * happens there and nowhere else.
 *
 * <p>setns(2) with CLONE_NEWNET moves only the calling thread: the rest of the JVM stays where it
 * was. The kernel binds each object to the namespace current at its creation, not at its use:
 * <ul>
 *   <li>a netlink socket talks to the namespace it was created in, whichever thread uses it later;
 *   <li>a tap is created in the namespace of the thread that opened /dev/net/tun (TunDevice);
 *   <li>/proc/sys/net resolves against the namespace of the thread that looks the file up, so a
 *       sysctl must be opened on this thread (see dev.patchbay.backends.sysctl.Sysctl).
 * </ul>
 * So only the creation of sockets, tun file descriptors and sysctl files has to run here. The thread
 * is never reused for anything else and ends on {@link #close()}, taking its namespace with it.
 */
public final class NamespaceThread implements AutoCloseable {
  private final String name;
  private final ExecutorService executor;

  private NamespaceThread(String name) {
    this.name = name;
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "netns-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts a thread inside the named namespace (/var/run/netns/NAME). */
  public static NamespaceThread enter(String namespace) throws IOException {
    NamespaceName.checked(namespace);
    NamespaceThread thread = new NamespaceThread(namespace);
    try {
      thread.call(() -> {
        join(Netns.path(namespace));
        return null;
      });
    } catch (IOException | RuntimeException e) {
      thread.close();
      throw e;
    }
    return thread;
  }

  private static void join(Path namespaceFile) throws NetlinkException {
    LibC libc = Native.libc();
    int fd = libc.open(namespaceFile.toString(), Native.O_RDONLY | Native.O_CLOEXEC);
    if (fd < 0) {
      throw NetlinkException.lastError("open network namespace " + namespaceFile);
    }
    try {
      if (libc.setns(fd, Native.CLONE_NEWNET) < 0) {
        throw NetlinkException.lastError("enter network namespace " + namespaceFile);
      }
    } finally {
      libc.close(fd);
    }
  }

  public String name() {
    return name;
  }

  /** Runs {@code task} on this namespace's thread and waits for its result. */
  public <T> T call(Task<T> task) throws IOException {
    Future<T> future = executor.submit(task::run);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while working in network namespace " + name, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException("failed in network namespace " + name, cause);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** Work that may fail with an I/O error. */
  @FunctionalInterface
  public interface Task<T> {
    T run() throws Exception;
  }
}
