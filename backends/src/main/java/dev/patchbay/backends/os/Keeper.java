package dev.patchbay.backends.os;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A rootless sandbox's home: one long-lived process per user (its "keeper") holding an unprivileged
 * user namespace and a private mount namespace, inside which the user is root over the lab's network
 * namespaces and nothing else. The labs' namespaces are bind mounts in that mount namespace (under
 * LABS/.netns), so they outlive the command that made them for as long as the keeper runs; every lab
 * command enters with {@code nsenter --target PID --user --mount --preserve-credentials}. The keeper
 * is {@code unshare --user --map-root-user --mount -- sleep infinity}, started in a session of its own;
 * LABS/.keeper/pid and LABS/.keeper/userns say which process it is and which user namespace it holds,
 * so a reused PID is never taken for it.
 */
public final class Keeper {
  private static final long START_MILLIS = 10_000;
  private final Path state;
  private final long pid;

  private Keeper(Path state, long pid) {
    this.state = state;
    this.pid = pid;
  }

  /** The user's keeper, started if none runs; {@code state} is the user's labs folder (Labs.root()). */
  public static Keeper ensure(Path state) throws IOException {
    Optional<Keeper> running = find(state);
    if (running.isPresent()) {
      return running.get();
    }
    return start(state);
  }

  /** The keeper that runs for this state folder, if one does. */
  public static Optional<Keeper> find(Path state) {
    try {
      Path dir = state.resolve(".keeper");
      long pid = Long.parseLong(SafeFiles.readString(dir.resolve("pid")).strip());
      String userns = SafeFiles.readString(dir.resolve("userns")).strip();
      if (userns.equals(namespaceOf(pid)) && !userns.equals(namespaceOf(ProcessHandle.current().pid()))) {
        return Optional.of(new Keeper(state, pid));
      }
    } catch (IOException | RuntimeException e) {
      // no keeper recorded, or the one recorded is gone
    }
    return Optional.empty();
  }

  private static String namespaceOf(long pid) throws IOException {
    return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "user")).toString();
  }

  private static Keeper start(Path state) throws IOException {
    Path dir = state.resolve(".keeper");
    TrustedFolder.createPrivate(dir);
    TrustedFolder.createPrivate(state.resolve(".netns"));
    List<String> command = List.of(Programs.path("setsid"), unshare(), "--user", "--map-root-user",
        "--mount", "--propagation", "private", "--", Programs.path("sleep"), "infinity");
    Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true).redirectOutput(dir.resolve("keeper.log").toFile()).start();
    String ours = namespaceOf(ProcessHandle.current().pid());
    long until = System.currentTimeMillis() + START_MILLIS;
    while (System.currentTimeMillis() < until) {
      if (!p.isAlive()) {
        throw new IOException(refusal(Files.readString(dir.resolve("keeper.log"), StandardCharsets.UTF_8).strip()));
      }
      String theirs = namespaceOf(p.pid());
      if (!theirs.equals(ours)) {
        Files.writeString(dir.resolve("pid"), p.pid() + "\n");
        Files.writeString(dir.resolve("userns"), theirs + "\n");
        return new Keeper(state, p.pid());
      }
      try {
        TimeUnit.MILLISECONDS.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroy();
        throw new IOException("interrupted while the rootless sandbox's keeper started");
      }
    }
    p.destroy();
    throw new IOException("the rootless sandbox's keeper did not enter its user namespace within "
        + START_MILLIS / 1000 + " s");
  }

  /**
   * unshare: the package's own copy where it installed one (allowed a user namespace by its AppArmor
   * profile where the kernel restricts them), else the system's.
   */
  private static String unshare() {
    Path packaged = Path.of("/usr/lib/patchbay/lib/patchbay-unshare");
    return Files.isExecutable(packaged) ? packaged.toString() : Programs.path("unshare");
  }

  /**
   * Why the kernel refused an unprivileged user namespace, with the setting that forbids it and both
   * ways out; {@code said} is what unshare printed.
   */
  static String refusal(String said) {
    String setting = sysctl("kernel.apparmor_restrict_unprivileged_userns").filter("1"::equals)
        .map(v -> "AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns=1)")
        .or(() -> sysctl("kernel.unprivileged_userns_clone").filter("0"::equals)
            .map(v -> "the kernel forbids unprivileged user namespaces (kernel.unprivileged_userns_clone=0)"))
        .or(() -> sysctl("user.max_user_namespaces").filter("0"::equals)
            .map(v -> "the kernel allows no user namespaces (user.max_user_namespaces=0)"))
        .orElse("the kernel refused an unprivileged user namespace");
    return "a rootless sandbox needs a user namespace of its own, but " + setting
        + (said.isEmpty() ? "" : " (unshare: " + said + ")")
        + ". Either allow it (the Patchbay package installs an AppArmor profile for /usr/bin/patchbay;"
        + " or set the sysctl above, e.g. sysctl -w kernel.unprivileged_userns_clone=1), or run with"
        + " privilege: sudo patchbay ...";
  }

  private static Optional<String> sysctl(String key) {
    try {
      return Optional.of(Files.readString(Path.of("/proc/sys", key.replace('.', '/'))).strip());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public long pid() {
    return pid;
  }

  /** Where the sandbox's namespaces are mounted, inside the keeper's mount namespace. */
  public Path netnsDir() {
    return state.resolve(".netns");
  }

  /** The program and arguments that run a command inside the keeper's namespaces, as the user's root there. */
  public List<String> enter() {
    return List.of(Programs.path("nsenter"), "--target", Long.toString(pid), "--user", "--mount",
        "--preserve-credentials", "--wd=" + Path.of("").toAbsolutePath(), "--");
  }

  /**
   * This JVM's program and class path started again inside the keeper's namespaces: {@code main}
   * with {@code args}, told where the labs and their namespaces are. user.home is passed as it is
   * outside: inside, uid 0 would make Java take root's home (/root) for its caches.
   */
  public List<String> command(String main, List<String> args) {
    String classPath = String.join(File.pathSeparator, java.util.Arrays.stream(
        System.getProperty("java.class.path").split(File.pathSeparator))
        .map(e -> Path.of(e).toAbsolutePath().toString()).toList());
    List<String> out = new java.util.ArrayList<>(enter());
    out.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String cds = System.getProperty("patchbay.cds"); // the package's class-data-sharing archive
    if (cds != null) {
      out.addAll(List.of("-XX:SharedArchiveFile=" + cds, "-Xshare:auto", "-Dpatchbay.cds=" + cds));
      // The package's command launcher compiles with C1 only; the command it starts again does too.
      java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
          .filter(a -> a.startsWith("-XX:TieredStopAtLevel=")).forEach(out::add);
    }
    out.addAll(List.of("-Duser.home=" + System.getProperty("user.home"), "-Dpatchbay.state=" + state,
        "-Dpatchbay.netns.dir=" + netnsDir(), "-cp", classPath, main));
    out.addAll(args);
    return out;
  }

  /**
   * Stops the keeper when nothing needs it any more: no lab is recorded ({@code labsLeft} false) and
   * no process but the keeper runs in its user namespace (a lab command or the designer's agent that
   * is starting a lab would). A user's desktop is left with no Patchbay process once the last lab is down.
   */
  public boolean stopIfIdle(boolean labsLeft) {
    if (labsLeft || othersInside()) {
      return false;
    }
    stop();
    return true;
  }

  private boolean othersInside() {
    String ours;
    try {
      ours = namespaceOf(pid);
    } catch (IOException e) {
      return false; // the keeper is gone already
    }
    try (var procs = Files.list(Path.of("/proc"))) {
      return procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
          .filter(n -> Long.parseLong(n) != pid).anyMatch(n -> {
            try {
              return ours.equals(namespaceOf(Long.parseLong(n)));
            } catch (IOException e) {
              return false; // gone, or another user's
            }
          });
    } catch (IOException e) {
      return true;
    }
  }

  /** Stops the keeper: every rootless lab's namespaces go with it. */
  public void stop() {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    try {
      Files.deleteIfExists(state.resolve(".keeper").resolve("pid"));
    } catch (IOException e) {
      // a stale pid file is recognised as stale by its user namespace
    }
  }
}
