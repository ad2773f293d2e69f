package dev.patchbay.app.cli;

import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.rules.StandardRules;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** {@code patchbay check --rules} and {@code --explain RULE}: the validator's catalogue in words. */
final class RuleHelp {
  private RuleHelp() {}

  /** Prints one rule (or all when id is null); exit 0, or 2 for an unknown id. */
  static int print(CommandSpec spec, String id) {
    PrintWriter out = spec.commandLine().getOut();
    List<RuleInfo> catalogue = StandardRules.validator(dev.patchbay.app.bundle.FileDiskImages.of(java.util.Optional.empty())).catalogue();
    if (id == null) {
      catalogue.forEach(i -> print(out, i));
      return PatchbayCli.OK;
    }
    Optional<RuleInfo> info = catalogue.stream().filter(i -> i.id().equals(id)).findFirst();
    if (info.isEmpty()) {
      spec.commandLine().getErr().println("patchbay check: no rule '" + id + "'; patchbay check --rules lists them");
      return PatchbayCli.UNREADABLE;
    }
    print(out, info.get());
    return PatchbayCli.OK;
  }

  private static void print(PrintWriter out, RuleInfo i) {
    out.println(i.id() + " (" + i.severity().word() + ")");
    out.println("    " + i.explain());
  }
}
