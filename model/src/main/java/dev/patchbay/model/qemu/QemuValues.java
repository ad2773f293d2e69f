package dev.patchbay.model.qemu;

import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.text.Printable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each value a topology file gives QEMU (and the processes beside it) may be. A file may come
 * from someone the user does not fully trust and its values end up in argument lists run as root,
 * so every such value is checked here, once: the validator reports what these methods refuse, and
 * the command lines refuse to render it. Each {@code ...Problem} method says in plain words why a
 * value is refused, or is empty when it is fine.
 */
public final class QemuValues {
  /** The qemu-system-* programs QEMU builds (7.2 to 9.x); the arch picks the program, so it is never free text. */
  public static final Set<String> ARCHES = Set.of("aarch64", "alpha", "arm", "avr", "cris", "hppa", "i386",
      "loongarch64", "m68k", "microblaze", "microblazeel", "mips", "mips64", "mips64el", "mipsel", "nios2", "or1k",
      "ppc", "ppc64", "riscv32", "riscv64", "rx", "s390x", "sh4", "sh4eb", "sparc", "sparc64", "tricore", "x86_64",
      "xtensa", "xtensaeb");
  /** Guest and VDE switch names name a run folder and a pid file: at most this many characters. */
  public static final int MAX_NAME = 64;
  /** sun_path holds 108 bytes with its NUL; a VDE switch's socket is its folder plus "/ctl". */
  public static final int MAX_SOCKET_PATH = 107;
  /** PATH_MAX on Linux. */
  public static final int MAX_PATH = 4095;

  private static final Pattern MACHINE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern ID_PART = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern HOST_NAME =
      Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  private QemuValues() {}

  /** The program that runs a guest of this arch, by name; the caller finds it on a fixed path. */
  public static String program(String arch) {
    archProblem(arch).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    return "qemu-system-" + arch;
  }

  public static Optional<String> archProblem(String arch) {
    if (arch == null || arch.isBlank()) {
      return Optional.of("no arch is set; QEMU needs a system target such as x86_64");
    }
    if (!ARCHES.contains(arch)) {
      return Optional.of(Printable.quoted(arch) + " is not a QEMU system target (qemu-system-ARCH); expected one of "
          + String.join(", ", List.copyOf(new java.util.TreeSet<>(ARCHES))));
    }
    return Optional.empty();
  }

  /**
   * A machine type is one plain word: {@code -machine} also takes options after a comma
   * ({@code pc,dumpdtb=FILE} writes a file), so a comma or '=' is never part of a type.
   */
  public static Optional<String> machineProblem(String machine) {
    if (machine == null || machine.isBlank()) {
      return Optional.of("no machine type is set; QEMU needs one such as pc or q35");
    }
    if (machine.equals("help")) {
      return Optional.of("'help' makes QEMU list its machine types and exit; name one such as pc or q35");
    }
    if (!MACHINE.matcher(machine).matches()) {
      return Optional.of(Printable.quoted(machine) + " is not a machine type: a type is 1 to 64 letters, digits,"
          + " '.', '-' or '_' (such as pc, q35 or pc-i440fx-7.2), with no options after it");
    }
    return Optional.empty();
  }

  /**
   * A guest's (or VDE switch's) name: QEMU's {@code -name}, and the name of its run folder and pid
   * file; so no ',' for QEMU's option syntax, no '/' or whitespace for the file system, and not
   * only dots ("." and ".." are folders already).
   */
  public static Optional<String> guestNameProblem(String name) {
    return dev.patchbay.model.net.ProcessName.problem(name);
  }

  /**
   * The run folder and pid file a process name maps to: the name itself when it is valid, with
   * anything else replaced by '_'. Two processes whose names map to one key would share files.
   */
  public static String processKey(String name) {
    if (name == null) {
      return "_";
    }
    // By hand, not replaceAll: the validator asks for every guest after each rename.
    return plainName(name) ? name : name.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** Only letters, digits, '.', '-' and '_'. */
  private static boolean plainName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** A NIC's name makes its QEMU netdev id, net-NAME: QEMU ids take letters, digits, '.', '-', '_'. */
  public static Optional<String> nicNameProblem(String name) {
    if (name == null || !ID_PART.matcher(name).matches()) {
      return Optional.of(Printable.quoted(name) + " cannot be part of a QEMU id: use 1 to 64 letters, digits, '.',"
          + " '-' or '_'");
    }
    return Optional.empty();
  }

  /** A QEMU id ({@code -netdev ...,id=X}): a letter, then letters, digits, '.', '-' or '_'. */
  public static Optional<String> idProblem(String id) {
    if (id == null || !id.matches("[A-Za-z][A-Za-z0-9_.-]{0,254}")) {
      return Optional.of(Printable.quoted(id) + " is not a QEMU id (a letter, then letters, digits, '.', '-', '_')");
    }
    return Optional.empty();
  }

  public static Optional<String> memoryProblem(int mib) {
    return mib < 1 ? Optional.of(mib + " MiB of memory is not a size QEMU can give a guest; give at least 1")
        : Optional.empty();
  }

  /**
   * A disk image path goes into {@code -drive file=PATH}: QEMU reads "NAME:" before any '/' as a
   * protocol (json:{...} sets any block option, nbd: and http: reach out), so such a path is not a file.
   */
  public static Optional<String> diskProblem(String path) {
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    Optional<String> plain = plainProblem(path);
    if (plain.isPresent()) {
      return plain;
    }
    int cut = path.replace('\\', '/').indexOf('/');
    int colon = path.indexOf(':');
    if (colon >= 0 && (cut < 0 || colon < cut)) {
      return Optional.of(Printable.quoted(path) + " starts with '" + Printable.line(path.substring(0, colon + 1))
          + "', which QEMU reads as a protocol, not a file; write ./" + Printable.line(path) + " for a file of that name");
    }
    return Optional.empty();
  }

  /**
   * A VDE switch's control folder: absolute, no '..', and short enough that FOLDER/ctl fits a unix
   * socket address. Empty means the lab's private runtime folder.
   */
  public static Optional<String> socketPathProblem(String path) {
    if (path == null || path.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> plain = plainProblem(path);
    if (plain.isPresent()) {
      return plain;
    }
    if (!path.startsWith("/") || List.of(path.split("/")).contains("..")) {
      return Optional.of(Printable.quoted(path) + " is not an absolute folder path without '..'");
    }
    int bytes = (path + "/ctl").getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_SOCKET_PATH) {
      return Optional.of(Printable.quoted(path) + "/ctl is " + bytes + " bytes; a unix socket path holds at most "
          + MAX_SOCKET_PATH);
    }
    return Optional.empty();
  }

  /** A socket's address: an IPv4 address or a host name; empty means this host. */
  public static Optional<String> hostProblem(String host) {
    if (host == null || host.isEmpty() || Ipv4.parse(host).isPresent() || HOST_NAME.matcher(host).matches()) {
      return Optional.empty();
    }
    return Optional.of(Printable.quoted(host) + " is neither an IPv4 address nor a host name");
  }

  public static Optional<String> portProblem(int port) {
    return port < 1 || port > 65535 ? Optional.of("port " + port + " is not within 1-65535") : Optional.empty();
  }

  /** Text that no argument may carry: a control character, or more than a path's length. */
  public static Optional<String> plainProblem(String value) {
    if (value.length() > MAX_PATH) {
      return Optional.of("the value is " + value.length() + " characters long; at most " + MAX_PATH + " are taken");
    }
    if (!Printable.isPlain(value)) {
      return Optional.of(Printable.quoted(value) + " contains a control or invisible character");
    }
    return Optional.empty();
  }

  /** A value inside a QEMU option list ({@code key=VALUE,...}): QEMU reads ",," as one comma. */
  public static String optionEscaped(String value) {
    return value.replace(",", ",,");
  }
}
