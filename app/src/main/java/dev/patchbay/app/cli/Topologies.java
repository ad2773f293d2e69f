package dev.patchbay.app.cli;

import dev.patchbay.model.check.Validator;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import picocli.CommandLine;

/** Loading a topology for a command: an unreadable file exits 2 with the loader's one-line message. */
final class Topologies {
  private Topologies() {}

  static Topology load(CommandLine.Model.CommandSpec spec, Path file) {
    try {
      Topology t = TopologyFiles.load(file);
      // On stderr: the command's output (check --json, export) stays what it always is.
      TopologyFiles.newerFieldsWarning(t).ifPresent(w -> spec.commandLine().getErr().println("patchbay " + spec.name()
          + ": warning: " + file + ": " + w));
      return t;
    } catch (TopologyFileException e) {
      throw new Unreadable(e.getMessage());
    }
  }

  /**
   * Loads a design a command is about to build (up, verify): one line on stderr and exit 2 when the
   * file is unreadable, exit 1 when the validator finds errors.
   */
  static dev.patchbay.model.topology.Topology loadBuildable(CommandLine.Model.CommandSpec spec, Path file)
      throws Refused {
    String command = "patchbay " + spec.name();
    try {
      var t = load(spec, file);
      if (Validator.hasErrors(StandardRules.validator().check(t))) {
        spec.commandLine().getErr().println(command + ": " + file + " has errors and cannot be built; patchbay check "
            + file + " explains them" + ("verify".equals(spec.name())
                ? "; patchbay verify --allow-errors applies what can be applied and shows what the packets do" : ""));
        throw new Refused(PatchbayCli.FINDINGS);
      }
      return t;
    } catch (Unreadable e) {
      spec.commandLine().getErr().println(command + ": " + e.getMessage());
      throw new Refused(PatchbayCli.UNREADABLE);
    }
  }

  /**
   * Loads a design a command builds as far as it can ({@code verify --allow-errors}): exit 2 when
   * unreadable; its errors are said on stderr, one line each, and the command goes ahead.
   */
  static Topology loadAllowingErrors(CommandLine.Model.CommandSpec spec, Path file) throws Refused {
    String command = "patchbay " + spec.name();
    try {
      Topology t = load(spec, file);
      var errors = StandardRules.validator().check(t).stream()
          .filter(d -> d.severity() == dev.patchbay.model.check.Severity.ERROR).toList();
      if (!errors.isEmpty()) {
        spec.commandLine().getErr().println(command + ": " + file + " has " + errors.size() + " error(s); going ahead"
            + " (--allow-errors): what can be applied is, and each step that cannot be is named");
        errors.forEach(d -> spec.commandLine().getErr().println("  error: " + d.message()));
      }
      return t;
    } catch (Unreadable e) {
      spec.commandLine().getErr().println(command + ": " + e.getMessage());
      throw new Refused(PatchbayCli.UNREADABLE);
    }
  }

  /** A command stopped before doing anything; the reason is already on stderr. */
  static final class Refused extends Exception {
    private final int code;

    Refused(int code) {
      super(null, null, false, false);
      this.code = code;
    }

    int code() {
      return code;
    }
  }

  /** Ends a command with exit code 2 and one line on stderr. */
  static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message);
    }
  }
}
