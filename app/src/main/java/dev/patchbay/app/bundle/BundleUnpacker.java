package dev.patchbay.app.bundle;

import dev.patchbay.model.disk.BundleManifest;
import dev.patchbay.model.disk.ManifestException;
import dev.patchbay.model.disk.ManifestFormat;
import dev.patchbay.model.format.FileLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a bundle into a folder the user chose, trusting nothing in it: every entry must be the
 * manifest, the topology it names or an image it lists; no entry may leave the folder (no '..',
 * absolute names, links, or a link already in the folder leading out); entries and bytes are
 * bounded; existing files are kept unless overwriting was asked for; each image's bytes must have
 * the manifest's size and sha256 or it is deleted again. A failure removes what was written.
 */
public final class BundleUnpacker {
  private final BundleLimits limits;

  public BundleUnpacker(BundleLimits limits) {
    this.limits = limits;
  }

  /** What an unpack wrote: the topology, its manifest, and one line per image. */
  public record Unpacked(Path topology, BundleManifest manifest, List<String> images) {}

  /** One file to write: where, at most how many bytes, and the hash it must have (null: none). */
  private record Target(ZipEntry entry, Path file, long maxBytes, BundleManifest.Image image) {}

  public Unpacked unpack(Path zip, Path dir, boolean overwrite) throws BundleException {
    String source = zip.getFileName().toString();
    try {
      refuseLinks(zip, source);
      try (ZipFile z = new ZipFile(zip.toFile())) {
        Map<String, ZipEntry> entries = entries(z, source);
        BundleManifest m = manifest(z, entries, source);
        Path root = dir.toAbsolutePath().normalize();
        List<Target> targets = targets(entries, m, root, source);
        if (!overwrite) {
          for (Target t : targets) {
            if (Files.exists(t.file(), LinkOption.NOFOLLOW_LINKS)) {
              throw new BundleException(t.file() + " exists; unpack into an empty folder, or overwrite (--force)", true);
            }
          }
        }
        write(z, targets, root, overwrite, source);
        return new Unpacked(root.resolve(m.topology()), m, imageLines(m));
      }
    } catch (IOException e) {
      throw new BundleException(source + ": " + e.getMessage(), e);
    }
  }

  private void refuseLinks(Path zip, String source) throws IOException, BundleException {
    for (Map.Entry<String, Integer> e : ZipModes.types(zip, limits.maxEntries()).entrySet()) {
      int type = e.getValue();
      if (type != ZipModes.REGULAR && type != ZipModes.DIRECTORY) {
        throw new BundleException(source + ": entry " + clean(e.getKey()) + " is "
            + (type == ZipModes.SYMLINK ? "a symbolic link" : "not a plain file") + "; a bundle holds plain files only");
      }
    }
  }

  private Map<String, ZipEntry> entries(ZipFile z, String source) throws BundleException {
    if (z.size() > limits.maxEntries()) {
      throw new BundleException(source + ": " + z.size() + " entries, more than the " + limits.maxEntries() + " allowed");
    }
    Map<String, ZipEntry> out = new LinkedHashMap<>();
    for (ZipEntry e : java.util.Collections.list(z.entries())) {
      String name = e.isDirectory() ? e.getName().substring(0, e.getName().length() - 1) : e.getName();
      String problem = ManifestFormat.pathProblem(name);
      if (problem != null) {
        throw new BundleException(source + ": entry " + problem);
      }
      if (out.put(name, e) != null) {
        throw new BundleException(source + ": entry " + clean(name) + " appears twice");
      }
    }
    return out;
  }

  private static BundleManifest manifest(ZipFile z, Map<String, ZipEntry> entries, String source)
      throws IOException, BundleException {
    ZipEntry e = entries.get(BundleManifest.FILE_NAME);
    if (e == null || e.isDirectory()) {
      throw new BundleException(source + ": no " + BundleManifest.FILE_NAME + "; not a Patchbay bundle");
    }
    try (InputStream in = z.getInputStream(e)) {
      byte[] bytes = in.readNBytes((int) ManifestFormat.MAX_BYTES + 1);
      if (bytes.length > ManifestFormat.MAX_BYTES) {
        throw new BundleException(source + ": " + BundleManifest.FILE_NAME + " is larger than " + ManifestFormat.MAX_BYTES);
      }
      return ManifestFormat.parse(bytes, source + "!" + BundleManifest.FILE_NAME);
    } catch (ManifestException ex) {
      throw new BundleException(ex.getMessage());
    }
  }

  private List<Target> targets(Map<String, ZipEntry> entries, BundleManifest m, Path root, String source)
      throws BundleException {
    List<Target> out = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, ZipEntry> e : entries.entrySet()) {
      if (e.getValue().isDirectory()) {
        continue;
      }
      String name = e.getKey();
      BundleManifest.Image img = m.image(name).filter(BundleManifest.Image::included).orElse(null);
      long max = name.equals(BundleManifest.FILE_NAME) ? ManifestFormat.MAX_BYTES
          : name.equals(m.topology()) ? FileLimits.MAX_BYTES : img != null ? img.size() : -1;
      if (max < 0) {
        throw new BundleException(source + ": entry " + clean(name) + " is neither the topology, the manifest nor an"
            + " image the manifest lists as included");
      }
      Path file = root.resolve(name).normalize();
      if (!file.startsWith(root) || file.equals(root)) {
        throw new BundleException(source + ": entry " + clean(name) + " would land outside " + root);
      }
      total += max;
      out.add(new Target(e.getValue(), file, max, img));
    }
    missing(entries, m, source);
    if (total > limits.maxTotalBytes()) {
      throw new BundleException(source + ": unpacked it would take " + total + " bytes, more than the "
          + limits.maxTotalBytes() + " allowed");
    }
    return out;
  }

  private static void missing(Map<String, ZipEntry> entries, BundleManifest m, String source) throws BundleException {
    if (!entries.containsKey(m.topology())) {
      throw new BundleException(source + ": the manifest names " + clean(m.topology()) + ", which is not in the bundle");
    }
    for (BundleManifest.Image i : m.images()) {
      if (i.included() && !entries.containsKey(i.path())) {
        throw new BundleException(source + ": the manifest says " + clean(i.path()) + " is included, but it is not");
      }
    }
  }

  private static void write(ZipFile z, List<Target> targets, Path root, boolean overwrite, String source)
      throws IOException, BundleException {
    Files.createDirectories(root);
    Path realRoot = root.toRealPath();
    List<Path> written = new ArrayList<>();
    boolean done = false;
    try {
      for (Target t : targets) {
        Files.createDirectories(t.file().getParent());
        if (!t.file().getParent().toRealPath().startsWith(realRoot)) {
          throw new BundleException(source + ": " + t.file().getParent() + " leads out of " + root + " (a link)");
        }
        Path part = Files.createTempFile(t.file().getParent(), ".unpack-", ".part");
        written.add(part);
        copy(z, t, part, source);
        Files.move(part, t.file(), overwrite ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING}
            : new StandardCopyOption[0]);
        written.set(written.size() - 1, t.file());
      }
      done = true;
    } finally {
      if (!done) {
        for (Path p : written) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Copies one entry, never more bytes than allowed, and checks an image's size and hash. */
  private static void copy(ZipFile z, Target t, Path part, String source) throws IOException, BundleException {
    MessageDigest md = Sha256.digest();
    long n = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = z.getInputStream(t.entry()); OutputStream out = Files.newOutputStream(part)) {
      for (int r; (r = in.read(buf)) > 0; ) {
        n += r;
        if (n > t.maxBytes()) {
          throw new BundleException(source + ": entry " + clean(t.entry().getName()) + " is larger than "
              + (t.image() != null ? "the manifest says (" + t.maxBytes() + " bytes)" : t.maxBytes() + " bytes"));
        }
        md.update(buf, 0, r);
        out.write(buf, 0, r);
      }
    }
    if (t.image() != null) {
      String hash = HexFormat.of().formatHex(md.digest());
      if (n != t.image().size() || !hash.equals(t.image().sha256())) {
        throw new BundleException(source + ": image " + clean(t.image().path()) + " has " + n + " bytes, sha256 " + hash
            + "; the manifest gives " + t.image().size() + " bytes, sha256 " + t.image().sha256());
      }
    }
  }

  private static List<String> imageLines(BundleManifest m) {
    return m.images().stream().map(i -> i.included()
        ? i.path() + ": " + i.size() + " bytes, sha256 matches the manifest"
        : i.path() + ": not in the bundle; put the image there (" + i.size() + " bytes, sha256 " + i.sha256()
            + ") or relink the guest").toList();
  }

  private static String clean(String s) {
    return s.replaceAll("\\p{Cntrl}", "?");
  }
}
