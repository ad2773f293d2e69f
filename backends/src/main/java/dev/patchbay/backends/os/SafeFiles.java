package dev.patchbay.backends.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Reads and writes Patchbay's own files (journals, pid files, console logs, lock files) without
 * following a symbolic link at the last component (O_NOFOLLOW: a planted link fails the open instead
 * of sending a root process to /etc/shadow), and, for a privileged process, only files that belong
 * to it or to root. New files are made with mode 600. The folders above are {@link TrustedFolder}'s
 * business.
 */
public final class SafeFiles {
  private static final Set<OpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
      StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

  private SafeFiles() {}

  /** The whole file; NoSuchFileException when it is missing. */
  public static byte[] readAllBytes(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      checkOwner(file);
      try (InputStream in = java.nio.channels.Channels.newInputStream(ch)) {
        return in.readAllBytes();
      }
    } catch (FileSystemLoopException e) {
      throw linked(file, e);
    } catch (IOException e) {
      throw isLink(file) ? linked(file, e) : e;
    }
  }

  public static String readString(Path file) throws IOException {
    return new String(readAllBytes(file), StandardCharsets.UTF_8);
  }

  /** Appends {@code bytes}, creating the file (mode 600) if needed; {@code force} fsyncs before returning. */
  public static void append(Path file, byte[] bytes, boolean force) throws IOException {
    try (FileChannel ch = FileChannel.open(file, APPEND,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
      checkOwner(file);
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      if (force) {
        ch.force(true);
      }
    } catch (IOException e) {
      throw isLink(file) ? linked(file, e) : e;
    }
  }

  /** Opens a file to read and write (a lock file), made with mode 600 if missing, never through a link. */
  public static FileChannel openReadWrite(Path file) throws IOException {
    try {
      FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        checkOwner(file);
      } catch (IOException e) {
        ch.close();
        throw e;
      }
      return ch;
    } catch (IOException e) {
      throw isLink(file) ? linked(file, e) : e;
    }
  }

  private static boolean isLink(Path file) {
    return Files.isSymbolicLink(file);
  }

  private static IOException linked(Path file, Exception cause) {
    return new IOException(file + " is a symbolic link; Patchbay opens its own files only, never through a link",
        cause);
  }

  /** A privileged process trusts only files that it or root made. */
  private static void checkOwner(Path file) throws IOException {
    if (!Identity.privileged()) {
      return;
    }
    int uid;
    try {
      uid = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return; // removed between the open and this look: the open file is still the one we made
    }
    if (uid != 0 && uid != Identity.effectiveUid()) {
      throw new IOException(file + " belongs to uid " + uid + ", not to this process's user: Patchbay running as"
          + " root does not use it");
    }
  }
}
