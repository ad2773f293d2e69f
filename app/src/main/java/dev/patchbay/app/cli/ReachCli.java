package dev.patchbay.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.patchbay.model.reach.Reachability;
import dev.patchbay.model.reach.Reachability.Pair;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code patchbay reach FILE [--json]}: who can reach whom, exit 0, or 2 if unreadable. */
@Command(name = "reach", mixinStandardHelpOptions = true,
    description = {"Print the reachability matrix: for every guest, guest->LAN, guest->Internet, LAN->guest,"
        + " Internet->guest, host<->guest and guest->guest, with the path and what is missing.",
        "Exit status: 0 printed, 2 file unreadable."})
public final class ReachCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DesignFile design;

  @Option(names = "--json", description = "Print {\"pairs\":[...]} instead of text.")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    Topology t;
    try {
      t = Topologies.load(spec, design.file);
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
    printGrid(out, t, pairs);
    out.println();
    int width = pairs.stream().mapToInt(p -> (p.from() + " -> " + p.to()).length()).max().orElse(10);
    for (Pair p : pairs) {
      String head = String.format("  %-" + width + "s  %-9s", p.from() + " -> " + p.to(), p.verdict().word());
      out.println((head + (p.condition() == null ? "" : "  " + p.condition())).stripTrailing());
      if (!p.path().isEmpty()) {
        out.println(" ".repeat(width + 15) + "path: " + String.join(" -> ", p.path()));
      }
      for (String m : p.missing()) {
        out.println(" ".repeat(width + 15) + "missing: " + m);
      }
    }
  }

  /** One row per guest: the four needs, host both ways, then each other guest (yes / only / no). */
  private static void printGrid(PrintWriter out, Topology t, List<Pair> pairs) {
    List<String> guests = t.elementsOf(Guest.class).map(Guest::id).toList();
    List<String> heads = new ArrayList<>(List.of("->lan", "->internet", "lan->", "internet->", "->host", "host->"));
    guests.forEach(g -> heads.add("->" + g));
    int first = Math.max(5, guests.stream().mapToInt(String::length).max().orElse(5));
    StringBuilder sb = new StringBuilder("  " + pad("", first));
    heads.forEach(h -> sb.append("  ").append(pad(h, Math.max(4, h.length()))));
    out.println(sb);
    for (String g : guests) {
      StringBuilder row = new StringBuilder("  " + pad(g, first));
      List<String[]> cells = new ArrayList<>(List.of(new String[] {g, Reachability.LAN},
          new String[] {g, Reachability.INTERNET}, new String[] {Reachability.LAN, g},
          new String[] {Reachability.INTERNET, g}, new String[] {g, Reachability.HOST},
          new String[] {Reachability.HOST, g}));
      guests.forEach(h -> cells.add(new String[] {g, h}));
      for (int i = 0; i < cells.size(); i++) {
        String[] c = cells.get(i);
        String word = c[0].equals(c[1]) ? "-" : Reachability.find(pairs, c[0], c[1]).map(ReachCli::cell).orElse("?");
        row.append("  ").append(pad(word, Math.max(4, heads.get(i).length())));
      }
      out.println(row.toString().stripTrailing());
    }
  }

  private static String cell(Pair p) {
    return switch (p.verdict()) {
      case YES -> "yes";
      case ONLY_WITH -> "only";
      case NO -> "no";
    };
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
