package dev.patchbay.backends.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds Patchbay's probe guest on the user's machine from Debian packages (the kernel behind
 * linux-image-amd64, and busybox-static) and caches it, keyed by the package versions and the
 * guest's scripts, under $XDG_CACHE_HOME/patchbay/probe (or ~/.cache/patchbay/probe).
 */
public final class ProbeGuestBuilder {
  private static final Logger LOG = Logger.getLogger(ProbeGuestBuilder.class.getName());
  static final String RESOURCES = "/dev/patchbay/backends/probe/";
  private static final String KERNEL_META = "linux-image-amd64";
  private static final String BUSYBOX = "busybox-static";

  /**
   * The NIC drivers for QEMU's cards: e1000; virtio-net-pci; rtl8139 (8139cp binds QEMU's C+ card,
   * 8139too is the fallback); ne2k_pci; pcnet. Their dependencies come from the modules themselves.
   */
  public static final List<String> NIC_MODULES =
      List.of("e1000", "virtio_pci", "virtio_net", "8139cp", "8139too", "ne2k_pci", "pcnet32");

  /** What a cached build holds, besides the scripts: a build holding more must not reuse an older one. */
  private static final String LAYOUT = "vmlinuz+vmlinux-pvh+initrd.gz+modules.txt";

  /** The init's helper scripts, installed in /etc: udhcpc's hook and the listening check before PB-READY. */
  static final List<String> HELPERS = List.of("pb-udhcpc", "pb-listening");

  private final Path cacheRoot;
  private final AptPackages apt;

  public ProbeGuestBuilder(Path cacheRoot, AptPackages apt) {
    this.cacheRoot = cacheRoot;
    this.apt = apt;
  }

  public ProbeGuestBuilder() {
    this(defaultCacheRoot(System.getenv()), new AptPackages());
  }

  /** $XDG_CACHE_HOME/patchbay/probe, else ~/.cache/patchbay/probe. */
  public static Path defaultCacheRoot(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("patchbay").resolve("probe");
  }

  /** The cached guest for today's package versions, built first if missing. */
  public ProbeGuest build() throws IOException {
    AptPackages.Resolved today = apt.resolve(KERNEL_META, BUSYBOX);
    String kernelPkg = today.kernelPackage();
    String expected = key(kernelPkg, today.kernelVersion(), today.busyboxVersion());
    Optional<ProbeGuest> cached = cached(expected);
    if (cached.isPresent()) {
      return cached.get();
    }
    LOG.info(() -> "building the probe guest " + expected + " under " + cacheRoot);
    Files.createDirectories(cacheRoot);
    Path work = Files.createTempDirectory(cacheRoot, ".build-");
    try {
      if (!apt.tryDownload(work, List.of(kernelPkg, BUSYBOX))) {
        // Stale lists: after apt-get update the meta package may point at a newer kernel.
        apt.updateOnce();
        apt.download(work, List.of(apt.kernelPackage(KERNEL_META), BUSYBOX));
      }
      return buildFrom(work);
    } finally {
      deleteTree(work);
    }
  }

  /** Extracts the downloaded packages and publishes the guest under the versions really fetched. */
  private ProbeGuest buildFrom(Path work) throws IOException {
    Path root = work.resolve("root");
    Map<String, String> versions = new TreeMap<>();
    try (Stream<Path> debs = Files.list(work)) {
      for (Path deb : debs.filter(p -> p.toString().endsWith(".deb")).toList()) {
        String[] fields = Commands.run(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Version"), null,
            Duration.ofMinutes(1)).orThrow().stdout().lines().map(l -> l.substring(l.indexOf(':') + 1).strip())
            .toArray(String[]::new);
        versions.put(fields[0], fields[1]);
        Commands.run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), null, Duration.ofMinutes(5)).orThrow();
      }
    }
    String kernelPkg = versions.keySet().stream().filter(p -> p.startsWith("linux-image-")).findFirst()
        .orElseThrow(() -> new IllegalStateException("apt-get download fetched no kernel package: " + versions));
    String key = key(kernelPkg, versions.get(kernelPkg), versions.get(BUSYBOX));
    Path staged = work.resolve("guest");
    Files.createDirectories(staged);
    assemble(root, staged);
    publish(staged, cacheRoot.resolve(key));
    return cached(key).orElseThrow();
  }

  private static String key(String kernelPkg, String kernelVersion, String busyboxVersion) {
    return kernelPkg + "_" + kernelVersion.replace(':', '.') + "+busybox_" + busyboxVersion.replace(':', '.')
        + "+" + scriptsDigest();
  }

  private Optional<ProbeGuest> cached(String key) throws IOException {
    Path dir = cacheRoot.resolve(key);
    if (!Files.isRegularFile(dir.resolve("initrd.gz")) || !Files.isRegularFile(dir.resolve("vmlinuz"))) {
      return Optional.empty();
    }
    Path unpacked = dir.resolve("vmlinux");
    return Optional.of(new ProbeGuest(Files.isRegularFile(unpacked) ? unpacked : dir.resolve("vmlinuz"),
        dir.resolve("initrd.gz"), key, Files.readAllLines(dir.resolve("modules.txt"))));
  }

  /**
   * Writes vmlinuz (and vmlinux, the kernel unpacked, when QEMU can boot it: see {@link KernelImage}),
   * initrd.gz and modules.txt into the folder; returns the modules' load order.
   */
  static List<String> assemble(Path root, Path into) throws IOException {
    Path kernel = single(root.resolve("boot"), "vmlinuz-");
    Path modulesDir = single(root.resolve("lib/modules"), "");
    KernelModules modules = KernelModules.scan(modulesDir);
    List<String> wanted = new ArrayList<>();
    for (String m : NIC_MODULES) {
      if (modules.contains(m)) {
        wanted.add(m);
      } else {
        LOG.warning(() -> "the kernel package has no module " + m + "; its card will have no driver");
      }
    }
    List<String> order = modules.loadOrder(wanted);
    Files.copy(kernel, into.resolve("vmlinuz"), StandardCopyOption.REPLACE_EXISTING);
    KernelImage.unpack(kernel, into.resolve("vmlinux"));
    Path busybox = root.resolve("bin/busybox");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(into.resolve("initrd.gz")), 1 << 16);
        CpioWriter cpio = new CpioWriter(out)) {
      writeInitramfs(cpio, Files.readAllBytes(busybox), modules, order);
    }
    Files.write(into.resolve("modules.txt"), order);
    return order;
  }

  private static void writeInitramfs(CpioWriter cpio, byte[] busybox, KernelModules modules, List<String> order)
      throws IOException {
    for (String d : List.of("bin", "dev", "etc", "lib", "lib/modules", "proc", "root", "sys", "tmp", "var", "var/run")) {
      cpio.directory(d, 0755);
    }
    cpio.charDevice("dev/console", 0600, 5, 1);
    cpio.file("bin/busybox", 0755, busybox);
    cpio.symlink("bin/sh", "busybox");
    cpio.file("init", 0755, resource("init"));
    for (String script : HELPERS) {
      cpio.file("etc/" + script, 0755, resource(script));
    }
    cpio.file("etc/pb-modules", 0644, (String.join("\n", order) + "\n").getBytes(StandardCharsets.US_ASCII));
    for (String m : order) {
      cpio.file("lib/modules/" + m + ".ko", 0644, Files.readAllBytes(modules.file(m)));
    }
  }

  static byte[] resource(String name) {
    try (InputStream in = ProbeGuestBuilder.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("probe guest resource " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A change to the guest's scripts, module list or layout must not reuse an old build. */
  static String scriptsDigest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(resource("init"));
      for (String script : HELPERS) {
        sha.update(resource(script));
      }
      sha.update(String.join(",", NIC_MODULES).getBytes(StandardCharsets.US_ASCII));
      sha.update(LAYOUT.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path single(Path dir, String prefix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> found = s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
      if (found.size() != 1) {
        throw new IllegalStateException("expected one " + prefix + "* in " + dir + ", found " + found);
      }
      return found.get(0);
    }
  }

  /**
   * Another build may finish first; either result is the same, so keep whichever landed. A folder
   * left half-written by an interrupted build is replaced.
   */
  private void publish(Path staged, Path dir) throws IOException {
    try {
      Files.move(staged, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      if (cached(dir.getFileName().toString()).isPresent()) {
        LOG.info(() -> "another build published " + dir + " first");
        return;
      }
      LOG.warning(() -> "replacing the incomplete probe guest in " + dir);
      deleteTree(dir);
      Files.move(staged, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cache folder " + dir.getParent() + " cannot take an atomic rename", e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
