package dev.patchbay.app.cli;

import dev.patchbay.app.export.ExportFormat;
import dev.patchbay.app.export.ExportOptions;
import dev.patchbay.model.net.LabName;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Scripts;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --format script -o DIR}: up.sh and down.sh in DIR. up.sh saves what it replaces in DIR/state,
 * down.sh restores it (see {@link Scripts}).
 */
final class ScriptExport implements ExportFormat {
  static final ScriptExport FORMAT = new ScriptExport();

  @Override
  public String name() {
    return "script";
  }

  @Override
  public boolean needsOutput() {
    return true;
  }

  @Override
  public String summary() {
    return "up.sh and down.sh (bash) in the -o directory: the plan and its exact reverse";
  }

  @Override
  public void export(Topology topology, ExportOptions options, Path out, PrintWriter stdout) throws IOException {
    if (out == null) {
      throw new IllegalArgumentException("--format script writes two files: give a directory with -o DIR");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new dev.patchbay.app.export.OutputFiles.Refused("-o " + out + " is a file; --format script needs a folder");
    }
    long errors = StandardRules.validator().check(topology).stream().filter(d -> d.severity() == Severity.ERROR).count();
    if (errors > 0) {
      throw new IllegalArgumentException("the topology has " + errors
          + " error(s); a script of it would fail halfway on the host (patchbay check explains them)");
    }
    // The same lab name as `patchbay up FILE` gives the same nft table, so the script's NAT and a
    // lab's never share one.
    String lab = options.lab() != null ? options.lab() : LabName.fromFileName(topology.name());
    Plan plan = (options.legacy() ? Planner.legacy() : Planner.modern()).forLab(lab).full(topology);
    Files.createDirectories(out);
    write(out.resolve("up.sh"), Scripts.up(plan, topology.name()));
    write(out.resolve("down.sh"), Scripts.down(plan, topology.name()));
    stdout.println("wrote " + out.resolve("up.sh") + " and " + out.resolve("down.sh") + " (" + plan.steps().size()
        + " steps each way)");
    stdout.flush();
  }

  /** Never through a link planted at DIR/up.sh: a script run as root must be the one written. */
  private static void write(Path file, String text) throws IOException {
    dev.patchbay.app.export.OutputFiles.writeText(file, text, true);
  }
}
