package dev.patchbay.app.bundle;

import dev.patchbay.model.disk.BundleManifest;
import dev.patchbay.model.disk.DiskPaths;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.qemu.QemuValues;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs a design into a bundle: the topology, every disk image it names listed in the manifest
 * (path relative to the topology, size, sha256) and, when asked, the images themselves, streamed
 * from disk. An image outside the topology's folder travels as images/NAME and the packed topology
 * names it so; the design on disk is not changed. The zip is written beside its target and moved
 * into place, so a failed pack leaves nothing half-written.
 */
public final class BundlePacker {
  /** What a pack did: the manifest written and one line per thing the user should know. */
  public record Packed(BundleManifest manifest, List<String> notes) {}

  /** An image to list: where it is now and its path in the bundle. */
  private record Source(Path file, String name) {}

  public Packed pack(Path topologyFile, Path zip, boolean withImages, boolean overwrite) throws BundleException {
    Topology t;
    try {
      t = TopologyFiles.load(topologyFile);
    } catch (TopologyFileException e) {
      throw new BundleException(e.getMessage(), e);
    }
    if (!overwrite && Files.exists(zip)) {
      throw new BundleException(zip + " exists; choose another name or overwrite (--force)");
    }
    Path folder = topologyFile.toAbsolutePath().getParent();
    List<String> notes = new ArrayList<>();
    Map<Path, Source> sources = sources(t, folder, notes);
    String topologyName = topologyFile.getFileName().toString().endsWith(".json")
        ? topologyFile.getFileName().toString() : "topology.json";
    try {
      Path tmp = Files.createTempFile(zip.toAbsolutePath().getParent(), ".pack-", ".zip.part");
      try {
        BundleManifest m = write(tmp, topologyFile, t, topologyName, sources.values(), withImages);
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
        return new Packed(m, notes);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new BundleException("cannot write " + zip + ": " + e.getMessage(), e);
    }
  }

  /**
   * The images to list, by where they are; an image outside the folder gets a name under images/
   * and every guest naming it is pointed there in the packed copy (t is that copy).
   */
  private static Map<Path, Source> sources(Topology t, Path folder, List<String> notes) {
    Map<Path, Source> out = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    for (Guest g : t.elementsOf(Guest.class).toList()) {
      if (g.disk() == null || g.disk().isBlank() || QemuValues.diskProblem(g.disk()).isPresent()) {
        continue;
      }
      Path file = DiskPaths.resolve(Optional.of(folder), g.disk()).orElseThrow();
      if (!Files.isRegularFile(file)) {
        notes.add("guest " + g.name() + ": disk image " + file + " is missing; the bundle cannot list it");
        continue;
      }
      Source s = out.computeIfAbsent(file, f -> new Source(f, DiskPaths.relativeName(folder, f)
          .orElseGet(() -> freeName("images/" + f.getFileName(), names))));
      names.add(s.name());
      if (DiskPaths.relativeName(folder, file).isEmpty()) {
        t.replace(g.withDisk("./" + s.name()));
        notes.add("guest " + g.name() + ": " + file + " is outside the design's folder; the bundle names it " + s.name());
      }
    }
    return out;
  }

  private static String freeName(String wanted, Set<String> taken) {
    String name = wanted;
    for (int i = 2; taken.contains(name); i++) {
      name = wanted.replaceFirst("^images/", "images/" + i + "-");
    }
    return name;
  }

  private static BundleManifest write(Path tmp, Path topologyFile, Topology t, String topologyName,
      Iterable<Source> sources, boolean withImages) throws IOException {
    List<BundleManifest.Image> images = new ArrayList<>();
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
      zip.putNextEntry(new ZipEntry(topologyName));
      zip.write(topologyBytes(topologyFile, t));
      zip.closeEntry();
      for (Source s : sources) {
        images.add(withImages ? include(zip, s) : new BundleManifest.Image(s.name(), Files.size(s.file()),
            Sha256.of(s.file()), false));
      }
      BundleManifest m = BundleManifest.of(topologyName, images);
      zip.putNextEntry(new ZipEntry(BundleManifest.FILE_NAME));
      zip.write(dev.patchbay.model.disk.ManifestFormat.write(m).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      return m;
    }
  }

  /** The file as it is (fields a newer version wrote stay), unless packing pointed a guest elsewhere. */
  private static byte[] topologyBytes(Path topologyFile, Topology packed) throws IOException {
    try {
      Topology original = TopologyFiles.load(topologyFile);
      if (TopologyFiles.toJson(original).equals(TopologyFiles.toJson(packed))) {
        return Files.readAllBytes(topologyFile);
      }
    } catch (TopologyFileException e) {
      throw new IOException(e.getMessage(), e);
    }
    return TopologyFiles.toJson(packed).getBytes(StandardCharsets.UTF_8);
  }

  /** Streams an image into the zip, hashing the bytes as they go in: the hash is of what was packed. */
  private static BundleManifest.Image include(ZipOutputStream zip, Source s) throws IOException {
    zip.putNextEntry(new ZipEntry(s.name()));
    MessageDigest md = Sha256.digest();
    long n = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(s.file())) {
      for (int r; (r = in.read(buf)) > 0; ) {
        md.update(buf, 0, r);
        zip.write(buf, 0, r);
        n += r;
      }
    }
    zip.closeEntry();
    return new BundleManifest.Image(s.name(), n, HexFormat.of().formatHex(md.digest()), true);
  }

}
