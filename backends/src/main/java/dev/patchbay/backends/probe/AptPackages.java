package dev.patchbay.backends.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  /** The versioned kernel package, e.g. linux-image-6.1.0-56-amd64, behind the meta package. */
  public String kernelPackage(String metaPackage) {
    Commands.Result r = withLists(List.of("apt-cache", "depends", metaPackage));
    Matcher m = DEPENDS.matcher(r.stdout());
    if (!m.find()) {
      throw new IllegalStateException("apt-cache depends " + metaPackage + " names no linux-image package:\n"
          + r.stdout().strip());
    }
    return m.group(1);
  }

  /** The version apt would install (its candidate). */
  public String candidateVersion(String pkg) {
    Commands.Result r = withLists(List.of("apt-cache", "show", "--no-all-versions", pkg));
    Matcher m = VERSION.matcher(r.stdout());
    if (!m.find()) {
      throw new IllegalStateException("apt-cache show " + pkg + " gives no version");
    }
    return m.group(1);
  }

  /** Downloads exactly these versions (name=version) into the folder. */
  public void download(Path folder, List<String> pinned) {
    List<String> cmd = new java.util.ArrayList<>(List.of("apt-get", "download"));
    cmd.addAll(pinned);
    Commands.Result r = Commands.run(cmd, folder, LONG);
    if (!r.ok() && lacksLists(r) && update()) {
      r = Commands.run(cmd, folder, LONG);
    }
    r.orThrow();
  }

  private Commands.Result withLists(List<String> cmd) {
    Commands.Result r = Commands.run(cmd, null, SHORT);
    if ((!r.ok() || r.stdout().isBlank()) && lacksLists(r) && update()) {
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

  /** Runs apt-get update once per builder; false when it already ran. */
  private boolean update() {
    if (updated) {
      return false;
    }
    updated = true;
    LOG.info("apt has no package lists for the probe guest's packages: running apt-get update once");
    Commands.run(List.of("apt-get", "update"), null, LONG).orThrow();
    return true;
  }

  /** True once this builder had to run apt-get update. */
  public boolean ranUpdate() {
    return updated;
  }
}
