package dev.patchbay.app.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Every file an export writes. An export runs as whoever runs Patchbay (root, for scripts that
 * will run as root), into a folder someone else may be able to write: so nothing is written
 * through a path that exists. The text goes into a new file of a random name made with
 * O_CREAT|O_EXCL|O_NOFOLLOW and the final mode, which is then renamed over the target (a rename
 * replaces a link and never follows it). A symbolic link already at the target is refused.
 */
public final class OutputFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private OutputFiles() {}

  /** An output that is not written: the message says which path and why, for the user as it is. */
  public static final class Refused extends IOException {
    public Refused(String message) {
      super(message);
    }
  }

  public static void writeText(Path file, String text, boolean executable) throws IOException {
    write(file, text.getBytes(StandardCharsets.UTF_8), executable);
  }

  /**
   * Refuses a target that is a link or a folder; {@link #write} asks again, but an export that takes
   * long to make (a PNG) asks first, before the work.
   */
  public static void refuseLink(Path file) throws Refused {
    Path target = file.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(target)) {
      throw new Refused(file + " is a symbolic link; an export never writes through a link: remove it or write"
          + " elsewhere");
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new Refused(file + " is a folder; give a file name");
    }
  }

  public static void write(Path file, byte[] content, boolean executable) throws IOException {
    refuseLink(file);
    Path target = file.toAbsolutePath().normalize();
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().toHexDigits(RANDOM.nextLong())
        + ".tmp");
    try {
      try (SeekableByteChannel out = create(tmp, executable)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw new Refused("cannot write " + file + ": " + tmp.getFileName() + " appeared in its folder while writing");
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A new file, never one that exists and never through a link, with its final mode from the start. */
  private static SeekableByteChannel create(Path tmp, boolean executable) throws IOException {
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    try {
      return Files.newByteChannel(tmp, options, mode);
    } catch (UnsupportedOperationException notPosix) {
      return Files.newByteChannel(tmp, options);
    }
  }
}
