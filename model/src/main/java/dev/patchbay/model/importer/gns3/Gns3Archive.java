package dev.patchbay.model.importer.gns3;

import dev.patchbay.model.format.FileLimits;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.text.Printable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A GNS3 portable project ({@code .gns3project}): a zip with {@code project.gns3} at its root and
 * the project's files and, when exported with them, its images under {@code images/}. Only the
 * project file is read, into memory; nothing is extracted. The zip comes from someone else, so
 * its entries are bounded in number and the project file in size however its header describes
 * it, and a name that climbs out of the archive ("../", "/etc/...") refuses the whole file.
 */
final class Gns3Archive {
  static final int MAX_ENTRIES = 10_000;
  /**
   * Bytes all entries may unpack to. Passing an entry unpacks it (a zip stream has no index), so a
   * small zip of a huge zero-filled "image" would cost minutes of CPU without this; images compress
   * little, so a portable project within the file limits unpacks to far less.
   */
  static final long MAX_UNPACKED = 1L << 30;
  static final byte[] MAGIC = {'P', 'K', 3, 4};

  /** The project file inside, and the names of the disk images packed beside it. */
  record Contents(SourceFile project, List<String> images) {}

  private Gns3Archive() {}

  static boolean isZip(byte[] bytes) {
    return bytes.length >= 4 && bytes[0] == MAGIC[0] && bytes[1] == MAGIC[1] && bytes[2] == MAGIC[2]
        && bytes[3] == MAGIC[3];
  }

  static Contents open(SourceFile zip) {
    return open(zip, MAX_UNPACKED);
  }

  static Contents open(SourceFile zip, long maxUnpacked) {
    byte[] project = null;
    String projectName = null;
    List<String> images = new ArrayList<>();
    int entries = 0;
    long unpacked = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw refused(zip, "more than " + MAX_ENTRIES + " entries");
        }
        String name = e.getName();
        climbs(zip, name);
        if (!e.isDirectory() && isProjectFile(name) && (project == null || name.equals("project.gns3"))) {
          project = bounded(zip, name, in);
          projectName = name;
          unpacked += project.length;
        } else {
          if (!e.isDirectory() && name.startsWith("images/")) {
            images.add(name);
          }
          unpacked += passed(in);
        }
        if (unpacked > maxUnpacked) {
          throw refused(zip, "its entries unpack to more than " + maxUnpacked + " bytes");
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw refused(zip, "not a readable zip (" + Printable.line(String.valueOf(e.getMessage())) + ")");
    }
    if (project == null) {
      throw refused(zip, "no project.gns3 at the top of the archive");
    }
    return new Contents(new SourceFile(zip.name() + "!" + projectName, project), images);
  }

  /** The root's .gns3 file: GNS3 names it project.gns3; older exports kept the project's own name. */
  private static boolean isProjectFile(String name) {
    return !name.contains("/") && name.toLowerCase(java.util.Locale.ROOT).endsWith(".gns3");
  }

  private static void climbs(SourceFile zip, String name) {
    String n = name.replace('\\', '/');
    boolean out = n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.equals("..") || n.startsWith("../")
        || n.contains("/../") || n.endsWith("/..") || n.indexOf('\0') >= 0;
    if (out) {
      throw refused(zip, "entry " + Printable.quoted(name) + " points outside the archive");
    }
  }

  /** The entry's bytes, stopping at the limit whatever size the zip claims. */
  private static byte[] bounded(SourceFile zip, String name, ZipInputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      if (out.size() + n > FileLimits.MAX_BYTES) {
        throw refused(zip, Printable.quoted(name) + " unpacks to more than " + FileLimits.MAX_BYTES + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Reads past an entry, counting what it unpacks to. */
  private static long passed(ZipInputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long n = 0;
    for (int r = in.read(buffer); r > 0; r = in.read(buffer)) {
      n += r;
    }
    return n;
  }

  private static ImportException refused(SourceFile zip, String why) {
    return new ImportException(zip.name() + ": refused as a GNS3 portable project: " + why);
  }
}
