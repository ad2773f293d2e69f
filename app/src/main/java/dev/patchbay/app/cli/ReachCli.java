package dev.patchbay.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.patchbay.model.reach.Reachability;
import dev.patchbay.model.reach.Reachability.Pair;
import dev.patchbay.model.topology.Topology;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchbay reach FILE [--json]}: who can reach whom, exit 0, or 2 if unreadable. */
@Command(name = "reach", mixinStandardHelpOptions = true,
    description = {"Print the reachability matrix: for every guest, guest->LAN, guest->Internet, LAN->guest,"
        + " Internet->guest, host<->guest and guest->guest, with the path and what is missing.",
        "Exit status: 0 printed, 2 file unreadable."})
public final class ReachCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A Patchbay topology file (.json).")
  Path file;

  @Option(names = "--json", description = "Print {\"pairs\":[...]} instead of text.")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    Topology t;
    try {
      t = Topologies.load(spec, file);
    } catch (Topologies.Unreadable e) {
      spec.commandLine().getErr().println("patchbay reach: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    }
    List<Pair> pairs = Reachability.of(t);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(Map.of("pairs", pairs)));
    } else {
      printText(out, t, pairs);
    }
    return PatchbayCli.OK;
  }

  private static void printText(PrintWriter out, Topology t, List<Pair> pairs) {
    out.println("Reachability in \"" + t.name() + "\"");
    if (pairs.isEmpty()) {
      out.println("  (no guests)");
      return;
    }
    int width = pairs.stream().mapToInt(p -> (p.from() + " -> " + p.to()).length()).max().orElse(10);
    for (Pair p : pairs) {
      String head = String.format("  %-" + width + "s  %-9s", p.from() + " -> " + p.to(), p.verdict().word());
      out.println(head + (p.condition() == null ? "" : "  " + p.condition()));
      if (!p.path().isEmpty()) {
        out.println(" ".repeat(width + 15) + "path: " + String.join(" -> ", p.path()));
      }
      for (String m : p.missing()) {
        out.println(" ".repeat(width + 15) + "missing: " + m);
      }
    }
  }
}
