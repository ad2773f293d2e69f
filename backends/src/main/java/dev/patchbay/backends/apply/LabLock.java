package dev.patchbay.backends.apply;

import dev.patchbay.model.net.LabName;

import dev.patchbay.backends.os.SafeFiles;
import dev.patchbay.backends.os.TrustedFolder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One operation at a time on a lab (up, down, a confirmation, the revert watcher's decision), across
 * processes: an exclusive lock on LABS/.locks/LAB.lock, which also says who holds it. Without it two
 * `up`s of one design failed and each one's rollback deleted the other's tap. The lock files stay
 * (a lab's own folder goes with `down`, a lock inside it could not outlive its holder's work). A
 * thread that holds a lab's lock may take it again (an `up` that fails takes its fresh lab down).
 */
public final class LabLock implements AutoCloseable {
  /** Locks this JVM holds, by lock file: the kernel's lock is per process, the count per thread. */
  private static final Map<Path, Held> HELD = new HashMap<>();

  private final Path file;

  private record Held(Thread owner, FileChannel channel, FileLock lock, int count) {}

  private LabLock(Path file) {
    this.file = file;
  }

  /** The lab is busy: another process (or thread) runs an operation on it. */
  public static final class BusyException extends IOException {
    BusyException(String message) {
      super(message);
    }
  }

  static Path file(Path root, String lab) {
    return root.resolve(".locks").resolve(LabName.checked(lab) + ".lock");
  }

  /** Takes the lab's lock for {@code operation} ("up", "down", ...) or says plainly who has it. */
  public static LabLock acquire(Path root, String lab, String operation) throws IOException {
    return tryAcquire(root, lab, operation).orElseThrow(() -> new BusyException("lab " + lab + " is busy: "
        + holder(root, lab) + "; wait until it finishes, then try again"));
  }

  /**
   * Takes the lab's lock, waiting up to {@code patience} for a holder that is about to finish (the
   * revert watcher's look at the deadline takes milliseconds); then says who has it.
   */
  public static LabLock acquire(Path root, String lab, String operation, java.time.Duration patience)
      throws IOException {
    long until = System.nanoTime() + patience.toNanos();
    while (true) {
      Optional<LabLock> lock = tryAcquire(root, lab, operation);
      if (lock.isPresent()) {
        return lock.get();
      }
      if (System.nanoTime() >= until) {
        return acquire(root, lab, operation);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for lab " + lab);
      }
    }
  }

  /** Takes the lab's lock if nobody holds it; empty when another process or thread does. */
  public static Optional<LabLock> tryAcquire(Path root, String lab, String operation) throws IOException {
    Path file = file(root, lab).toAbsolutePath().normalize();
    synchronized (HELD) {
      Held held = HELD.get(file);
      if (held != null) {
        if (held.owner() != Thread.currentThread()) {
          return Optional.empty();
        }
        HELD.put(file, new Held(held.owner(), held.channel(), held.lock(), held.count() + 1));
        return Optional.of(new LabLock(file));
      }
      TrustedFolder.createPrivate(file.getParent());
      FileChannel channel = SafeFiles.openReadWrite(file);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException | IOException e) {
        channel.close();
        throw e instanceof IOException io ? io : new IOException("lock " + file + ": " + e.getMessage(), e);
      }
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      describe(channel, operation);
      HELD.put(file, new Held(Thread.currentThread(), channel, lock, 1));
      return Optional.of(new LabLock(file));
    }
  }

  /** Writes who holds the lock into it, for the message a second process gets. */
  private static void describe(FileChannel channel, String operation) throws IOException {
    byte[] text = ("patchbay " + operation + " (pid " + ProcessHandle.current().pid() + ") since "
        + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(text), 0);
  }

  private static String holder(Path root, String lab) {
    try {
      String text = SafeFiles.readString(file(root, lab)).strip();
      return text.isEmpty() ? "another Patchbay is working on it" : text + " is working on it";
    } catch (IOException e) {
      return "another Patchbay is working on it";
    }
  }

  @Override
  public void close() {
    synchronized (HELD) {
      Held held = HELD.get(file);
      if (held == null) {
        return;
      }
      if (held.count() > 1) {
        HELD.put(file, new Held(held.owner(), held.channel(), held.lock(), held.count() - 1));
        return;
      }
      HELD.remove(file);
      try {
        held.lock().release();
        held.channel().close();
      } catch (IOException e) {
        // closing the channel releases the lock whatever happens here
      }
    }
  }
}
