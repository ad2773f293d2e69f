package dev.patchbay.backends.netlink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Named network namespaces made and removed the way {@code ip netns add/del} does it, without the
 * {@code ip} program: a fresh thread unshares its network namespace and the namespace is kept alive by
 * bind-mounting {@code /proc/thread-self/ns/net} onto {@code /var/run/netns/NAME}; deleting unmounts
 * (lazily, like ip) and removes the file. The thread ends right after, so no JVM thread is left
 * inside the namespace.
 */
public final class Netns {
  private static final long MS_BIND = 4096;
  private static final int MNT_DETACH = 2;
  private static final int EINVAL = 22;

  private Netns() {}

  /**
   * Where named namespaces are mounted: /var/run/netns, as `ip netns add` does it, or, for a rootless
   * sandbox, a folder of the user's own inside the keeper's private mount namespace
   * ({@code -Dpatchbay.netns.dir}, set by the rootless launcher).
   */
  public static Path dir() {
    String dir = System.getProperty("patchbay.netns.dir");
    return dir == null ? Path.of("/var/run/netns") : Path.of(dir);
  }

  public static Path path(String name) {
    return dir().resolve(checked(name));
  }

  /**
   * Whether a namespace of that name is mounted. A file alone does not count: a rootless sandbox's
   * files outlive the keeper whose mount namespace held their mounts.
   */
  public static boolean exists(String name) {
    Path file = path(name);
    if (!Files.exists(file)) {
      return false;
    }
    try {
      // mountinfo names the mount by its real path: /var/run is a link to /run on Debian.
      String mount = " " + file.toAbsolutePath().getParent().toRealPath().resolve(file.getFileName()) + " ";
      return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
          .anyMatch(l -> l.contains(mount) && l.contains(" - nsfs "));
    } catch (IOException e) {
      return true;
    }
  }

  /** Creates the namespace; fails with EEXIST when one of that name exists already. */
  public static void create(String name) throws IOException {
    Path file = path(name);
    Files.createDirectories(dir());
    try {
      Files.createFile(file);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new NetlinkException("create network namespace '" + name + "'", Errno.EEXIST, null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        unshareAndMount(name, file);
        done.complete(null);
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    }, "netns-create-" + name);
    t.start();
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while creating network namespace " + name, e);
    } catch (ExecutionException e) {
      Files.deleteIfExists(file);
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  private static void unshareAndMount(String name, Path file) throws NetlinkException {
    LibC libc = Native.libc();
    if (libc.unshare(Native.CLONE_NEWNET) < 0) {
      throw NetlinkException.lastError("create network namespace '" + name + "' (unshare)");
    }
    if (libc.mount("/proc/thread-self/ns/net", file.toString(), "none", MS_BIND, null) < 0) {
      throw NetlinkException.lastError("keep network namespace '" + name + "' (bind mount on " + file + ")");
    }
  }

  /** Deletes the namespace: its interfaces go with it once nothing else holds it. Absent is fine. */
  public static void delete(String name) throws IOException {
    Path file = path(name);
    if (!Files.exists(file)) {
      return;
    }
    if (Native.libc().umount2(file.toString(), MNT_DETACH) < 0 && Native.errno() != EINVAL) {
      throw NetlinkException.lastError("delete network namespace '" + name + "' (umount)");
    }
    Files.deleteIfExists(file);
  }

  public static String checked(String name) {
    return NamespaceName.checked(name);
  }
}
