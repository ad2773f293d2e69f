package dev.patchbay.backends.probe;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes a cpio archive in the "newc" format the kernel unpacks as an initramfs (see the kernel's
 * Documentation/driver-api/early-userspace/buffer-format.rst). Entries are directories, regular files
 * and symbolic links owned by root; the archive ends with the TRAILER!!! entry on {@link #close()}.
 * The caller wraps the stream (e.g. in gzip) and closes it.
 */
public final class CpioWriter implements Closeable {
  private static final String MAGIC = "070701";
  private static final int S_IFDIR = 0040000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFLNK = 0120000;
  private static final int S_IFCHR = 0020000;

  private final OutputStream out;
  private final Set<String> names = new HashSet<>();
  private long written;
  private int nextInode = 1;
  private boolean closed;

  public CpioWriter(OutputStream out) {
    this.out = out;
  }

  public void directory(String path, int permissions) throws IOException {
    entry(path, S_IFDIR | permissions, 2, new byte[0]);
  }

  public void file(String path, int permissions, byte[] content) throws IOException {
    entry(path, S_IFREG | permissions, 1, content);
  }

  public void symlink(String path, String target) throws IOException {
    entry(path, S_IFLNK | 0777, 1, target.getBytes(StandardCharsets.UTF_8));
  }

  /** A character device node, e.g. dev/console (5, 1) so init has a console before devtmpfs. */
  public void charDevice(String path, int permissions, int major, int minor) throws IOException {
    entry(path, S_IFCHR | permissions, 1, new byte[0], major, minor);
  }

  private void entry(String path, int mode, int links, byte[] data) throws IOException {
    entry(path, mode, links, data, 0, 0);
  }

  private void entry(String path, int mode, int links, byte[] data, int rdevMajor, int rdevMinor)
      throws IOException {
    if (closed) {
      throw new IllegalStateException("cpio archive already closed");
    }
    String name = checkedName(path);
    if (!names.add(name)) {
      throw new IllegalArgumentException("cpio entry '" + name + "' written twice");
    }
    header(name, new long[] {nextInode++, mode, 0, 0, links, 0, data.length, 0, 0, rdevMajor, rdevMinor});
    out.write(data);
    written += data.length;
    pad();
  }

  /** The kernel wants names relative to the archive root ("init", "bin/busybox"). */
  private static String checkedName(String path) {
    String name = path.startsWith("/") ? path.substring(1) : path;
    if (name.isEmpty() || name.contains("\0") || name.equals("TRAILER!!!")) {
      throw new IllegalArgumentException("bad cpio entry name '" + path + "'");
    }
    for (String part : name.split("/")) {
      if (part.isEmpty() || part.equals("..")) {
        throw new IllegalArgumentException("bad cpio entry name '" + path + "'");
      }
    }
    return name;
  }

  /**
   * Fields in newc order: ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor,
   * rdevmajor, rdevminor; namesize and check (always 0 for newc) follow.
   */
  private void header(String name, long[] fields) throws IOException {
    byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
    StringBuilder h = new StringBuilder(MAGIC);
    for (long f : fields) {
      h.append(String.format("%08x", f));
    }
    h.append(String.format("%08x%08x", nameBytes.length, 0));
    byte[] headerBytes = h.toString().getBytes(StandardCharsets.US_ASCII);
    out.write(headerBytes);
    out.write(nameBytes);
    written += headerBytes.length + nameBytes.length;
    pad();
  }

  /** Header+name and file data are each padded to a multiple of four bytes. */
  private void pad() throws IOException {
    while (written % 4 != 0) {
      out.write(0);
      written++;
    }
  }

  /** Writes the trailer; does not close the underlying stream. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      header("TRAILER!!!", new long[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0});
      closed = true;
      out.flush();
    }
  }
}
