package dev.patchbay.backends.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the probe guest needs from apt: the kernel package linux-image-amd64 currently points at,
 * candidate versions, and downloads into a folder. {@code apt-get update} runs only when apt has no
 * package lists to answer from, and the log says so.
 */
public class AptPackages {
  private static final Logger LOG = Logger.getLogger(AptPackages.class.getName());
  private static final Duration SHORT = Duration.ofMinutes(1);
  private static final Duration LONG = Duration.ofMinutes(10);
  private static final Pattern DEPENDS = Pattern.compile("(?m)^\\s*Depends:\\s*(linux-image-[0-9][^\\s]*)\\s*$");
  private static final Pattern VERSION = Pattern.compile("(?m)^Version:\\s*(\\S+)\\s*$");

  private boolean updated;

  /** What the probe guest would be built from today. */
  public record Resolved(String kernelPackage, String kernelVersion, String busyboxVersion) {}

  private static final Pattern PINNED_KERNEL =
      Pattern.compile("(?m)^Depends:.*?\\b(linux-image-[0-9][^\\s,]*)\\s*\\(=\\s*([^)\\s]+)\\)");

  /**
   * The kernel package behind the meta package, its version and busybox-static's, from one
   * {@code apt-cache show} (each apt call costs about a second on a busy machine).
   */
  public Resolved resolve(String metaPackage, String busyboxPackage) {
    Commands.Result r = withLists(List.of("apt-cache", "show", "--no-all-versions", metaPackage, busyboxPackage));
    return resolved(r.stdout(), busyboxPackage).orElseGet(() -> {
      String kernel = kernelPackage(metaPackage);
      return new Resolved(kernel, candidateVersion(kernel), candidateVersion(busyboxPackage));
    });
  }

  /** Reads the meta package's pinned dependency and busybox's version from the two records. */
  static Optional<Resolved> resolved(String records, String busyboxPackage) {
    String kernelPkg = null;
    String kernelVersion = null;
    String busyboxVersion = null;
    for (String record : records.split("\n\\s*\n")) {
      Matcher pin = PINNED_KERNEL.matcher(record);
      if (pin.find()) {
        kernelPkg = pin.group(1);
        kernelVersion = pin.group(2);
      } else if (record.contains("Package: " + busyboxPackage + "\n")) {
        busyboxVersion = version(record).orElse(null);
      }
    }
    return kernelPkg == null || busyboxVersion == null
        ? Optional.empty()
        : Optional.of(new Resolved(kernelPkg, kernelVersion, busyboxVersion));
  }

  /** The versioned kernel package, e.g. linux-image-6.1.0-56-amd64, behind the meta package. */
  public String kernelPackage(String metaPackage) {
    Commands.Result r = withLists(List.of("apt-cache", "depends", metaPackage));
    return kernelDependency(r.stdout()).orElseThrow(() -> new IllegalStateException(
        "apt-cache depends " + metaPackage + " names no linux-image package:\n" + r.stdout().strip()));
  }

  /** The versioned linux-image package in {@code apt-cache depends} output. */
  static Optional<String> kernelDependency(String aptCacheDepends) {
    Matcher m = DEPENDS.matcher(aptCacheDepends);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The version apt would install (its candidate). */
  public String candidateVersion(String pkg) {
    Commands.Result r = withLists(List.of("apt-cache", "show", "--no-all-versions", pkg));
    return version(r.stdout()).orElseThrow(() -> new IllegalStateException("apt-cache show " + pkg + " gives no version"));
  }

  /** The Version field of a package record. */
  static Optional<String> version(String record) {
    Matcher m = VERSION.matcher(record);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Downloads apt's candidates of these packages into the folder, running apt-get update if it must. */
  public void download(Path folder, List<String> packages) {
    if (!tryDownload(folder, packages) && updateOnce()) {
      download(folder, packages);
    }
  }

  /**
   * Downloads apt's candidates of these packages into the folder; false when apt lacks the lists
   * (never updated, or a stale list naming a file the mirror no longer has), other failures throw.
   */
  public boolean tryDownload(Path folder, List<String> packages) {
    List<String> cmd = new java.util.ArrayList<>(List.of("apt-get"));
    if (dev.patchbay.backends.os.Identity.inUserNamespace()) {
      // Root in a user's namespace cannot become apt's _apt user (unmapped there): download as itself.
      cmd.addAll(List.of("-o", "APT::Sandbox::User=root"));
    }
    cmd.add("download");
    cmd.addAll(packages);
    Commands.Result r = Commands.run(cmd, folder, LONG);
    if (!r.ok() && lacksLists(r)) {
      return false;
    }
    r.orThrow();
    return true;
  }

  private Commands.Result withLists(List<String> cmd) {
    Commands.Result r = Commands.run(cmd, null, SHORT);
    if ((!r.ok() || r.stdout().isBlank()) && lacksLists(r) && updateOnce()) {
      r = Commands.run(cmd, null, SHORT);
    }
    return r.orThrow();
  }

  static boolean lacksLists(Commands.Result r) {
    String err = r.stderr();
    return err.contains("Unable to locate package") || err.contains("No packages found")
        || err.contains("has no installation candidate") || err.contains("Unable to find a source package")
        || err.contains("404");
  }

  /** Runs apt-get update, at most once per instance; false when it already ran. */
  public boolean updateOnce() {
    if (updated) {
      return false;
    }
    updated = true;
    LOG.info("apt has no package lists for the probe guest's packages: running apt-get update once");
    Commands.run(List.of("apt-get", "update"), null, LONG).orThrow();
    return true;
  }
}
