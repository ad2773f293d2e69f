package dev.patchbay.backends.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The programs Patchbay runs (qemu-system-*, nft, nsenter, setsid, vde_switch, busybox), found by
 * absolute path in the system's own folders: never through PATH and never relative to the working
 * directory, which a user who starts a privileged Patchbay controls. A privileged Patchbay also
 * refuses a program that someone other than root could replace.
 */
public final class Programs {
  /** Where Debian and a local administrator put programs; in this order, like root's default PATH. */
  static final List<Path> FOLDERS = List.of(Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"),
      Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/sbin"), Path.of("/bin"));
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}");

  private Programs() {}

  /** The absolute path of {@code name}, or empty when none of the system folders has it. */
  public static Optional<Path> find(String name) {
    return find(name, FOLDERS);
  }

  static Optional<Path> find(String name, List<Path> folders) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a program name");
    }
    for (Path folder : folders) {
      Path p = folder.resolve(name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** A program Patchbay needs is missing, or another user could replace it: the message says which and what to do. */
  public static final class MissingProgramException extends RuntimeException {
    MissingProgramException(String message) {
      super(message);
    }
  }

  /**
   * The absolute path of {@code name}, for an argument list; fails with a sentence naming the
   * program, the folders looked in and the Debian package that has it when it is missing, or when
   * this process is privileged and someone other than root could replace it.
   */
  public static String path(String name) {
    return path(name, FOLDERS);
  }

  static String path(String name, List<Path> folders) {
    Path p = find(name, folders).orElseThrow(() -> new MissingProgramException(name + " is not installed (looked in "
        + String.join(", ", folders.stream().map(Path::toString).toList()) + "): " + packageHint(name)));
    if (Identity.privileged()) {
      try {
        checkOwnedByRoot(p.toRealPath());
      } catch (IOException e) {
        throw new MissingProgramException(e.getMessage());
      }
    }
    return p.toString();
  }

  /** Whether {@code name} is installed in one of the system folders. */
  public static boolean installed(String name) {
    return find(name).isPresent();
  }

  /** What to install for a program, in Debian's words. */
  static String packageHint(String name) {
    String pkg = switch (name) {
      case "nsenter", "setsid", "unshare" -> "util-linux";
      case "sleep" -> "coreutils";
      case "nft" -> "nftables";
      case "vde_switch" -> "vde2";
      case "busybox" -> "busybox-static";
      case "dpkg-deb" -> "dpkg";
      case "apt-get" -> "apt";
      case "sudo" -> "sudo";
      case "qemu-system-x86_64", "qemu-system-i386" -> "qemu-system-x86";
      default -> name.startsWith("qemu-system-") ? "qemu-system-" + qemuFamily(name.substring(12)) : null;
    };
    return pkg == null ? "install the package that provides it" : "install Debian's " + pkg + " package (apt-get install "
        + pkg + ")";
  }

  private static String qemuFamily(String arch) {
    if (arch.startsWith("aarch64") || arch.startsWith("arm")) {
      return "arm";
    } else if (arch.startsWith("ppc")) {
      return "ppc";
    } else if (arch.startsWith("mips")) {
      return "mips";
    } else if (arch.startsWith("sparc")) {
      return "sparc";
    }
    return "misc";
  }

  private static void checkOwnedByRoot(Path real) throws IOException {
    for (Path p = real; p != null; p = p.getParent()) {
      int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      if (uid != 0 || (mode & 022) != 0) {
        throw new IOException("refusing to run " + real + " with root's rights: " + p
            + (uid != 0 ? " belongs to uid " + uid : " can be changed by other users") + ", so it is not the system's");
      }
    }
  }
}
