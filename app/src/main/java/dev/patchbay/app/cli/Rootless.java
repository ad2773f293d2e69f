package dev.patchbay.app.cli;

import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.os.Identity;
import dev.patchbay.backends.os.Keeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * Lab commands for a user without privilege: the command runs again inside the user's rootless
 * sandbox (the {@link Keeper}'s user and mount namespaces), where the user is root over the labs'
 * network namespaces and nothing else, with its standard input and output and its exit status. Only
 * the sandbox target works this way: this host and its named namespaces need root.
 */
final class Rootless {
  /** The commands that work on labs. */
  private static final Set<String> LAB_COMMANDS = Set.of("up", "down", "labs", "confirm", "guests", "link", "stats",
      "verify", "plan", "agent", "__revert-watch");

  private Rootless() {}

  /** Whether {@code args} must run inside the rootless sandbox: an unprivileged user's lab command. */
  static boolean needed(String[] args) {
    return args.length > 0 && LAB_COMMANDS.contains(args[0]) && Identity.effectiveUid() != 0
        && !List.of(args).contains("--help") && !List.of(args).contains("-h");
  }

  /** Why {@code args} cannot run without root, or null when the sandbox will do. */
  static String needsRoot(String[] args) {
    List<String> all = List.of(args);
    int target = all.indexOf("--target");
    boolean host = target >= 0 && target + 1 < args.length && args[target + 1].equals("host")
        || all.contains("--target=host");
    boolean netns = all.stream().anyMatch(a -> a.equals("--netns") || a.startsWith("--netns="));
    if (host || netns) {
      return "applying to " + (host ? "this host" : "a named namespace of this host") + " needs root: run sudo patchbay "
          + String.join(" ", all) + " (the sandbox, the default target, needs no privilege)";
    }
    return null;
  }

  /** Runs the command again inside the user's keeper, starting the keeper if none runs; its exit status. */
  static int run(String[] args, PrintWriter err) {
    String refusal = needsRoot(args);
    if (refusal != null) {
      err.println("patchbay " + args[0] + ": " + refusal);
      return PatchbayCli.UNREADABLE;
    }
    try {
      Labs labs = Labs.standard();
      Keeper keeper = Keeper.ensure(labs.root());
      Process p = new ProcessBuilder(keeper.command("dev.patchbay.app.Main", List.of(args))).inheritIO().start();
      int status = p.waitFor();
      keeper.stopIfIdle(!labs.list().isEmpty());
      return status;
    } catch (IOException | RuntimeException e) {
      err.println("patchbay " + args[0] + ": " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PatchbayCli.UNREADABLE;
    }
  }
}
