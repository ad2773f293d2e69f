package dev.patchbay.app.bench;

import java.util.List;
import java.util.Locale;

/**
 * Every performance goal of Patchbay measured in one run and printed as a table (Markdown, on
 * stdout; progress on stderr). Run through {@code .ci/bench}, which builds, starts Xvfb for the
 * canvas and start-up rows and stops it again. Arguments pick sections: model, layout, canvas,
 * startup, netlink, agent, verify (default: all), and biglab (a part of canvas: the empty-canvas references, panning
 * in an overview and in full detail, Find). Asserts nothing: timings on a shared machine make poor tests.
 */
public final class Benchmarks {
  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    List<String> sections = args.length == 0
        ? List.of("model", "layout", "canvas", "startup", "netlink", "agent", "verify") : List.of(args);
    Table table = new Table();
    for (String s : sections) {
      switch (s.toLowerCase(Locale.ROOT)) {
        case "model" -> table.addAll(ModelBench.run());
        case "layout" -> table.addAll(LayoutBench.run());
        case "canvas" -> table.addAll(CanvasBench.run());
        case "biglab" -> table.addAll(CanvasBench.run(false));
        case "startup" -> {
          table.addAll(StartupBench.run());
          table.addAll(ColdCheckBench.run());
        }
        case "netlink" -> table.addAll(NetlinkRows.run());
        case "agent" -> table.addAll(AgentPollBench.run());
        case "verify" -> table.addAll(VerifyRows.run());
        default -> throw new IllegalArgumentException("unknown section '" + s
            + "'; use model, layout, canvas, biglab, startup, netlink, agent or verify");
      }
    }
    table.print(System.out);
    System.exit(0); // the JavaFX toolkit of the canvas rows would keep the JVM alive
  }
}
