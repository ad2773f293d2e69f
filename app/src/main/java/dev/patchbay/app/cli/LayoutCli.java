package dev.patchbay.app.cli;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.importer.AutoLayout;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code patchbay layout FILE -o OUT.json [--unplaced]}: the designer's Arrange > Auto Layout, headless. */
@Command(name = "layout", mixinStandardHelpOptions = true,
    description = {"Place every element of a design automatically (Arrange > Auto Layout).",
        "Writes the design to OUT laid out left to right from the outside world through",
        "the host box (uplinks, bridges with their taps) to hubs and guests, no two boxes",
        "overlapping. Only positions change. Exit status: 0 written, 2 unreadable file or",
        "output not writable."})
public final class LayoutCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DesignFile design;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
      description = "The topology file to write (may be FILE itself).")
  Path output;

  @Option(names = "--unplaced",
      description = "Place only the elements without a position, below the others, which stay where they are.")
  boolean onlyUnplaced;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    Topology t;
    try {
      t = Topologies.load(spec, design.file);
    } catch (Topologies.Unreadable e) {
      err.println("patchbay layout: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    }
    int placed = t.layout().size();
    if (onlyUnplaced) {
      AutoLayout.placeUnplaced(t);
    } else {
      AutoLayout.apply(t);
    }
    try {
      TopologyFiles.save(t, output);
    } catch (IOException e) {
      err.println("patchbay layout: cannot write " + output + ": " + UserMessages.of(e));
      return PatchbayCli.UNREADABLE;
    }
    int moved = onlyUnplaced ? t.layout().size() - placed : t.elements().size();
    spec.commandLine().getOut().println("wrote " + output + ": " + moved + " of " + t.elements().size()
        + " elements laid out");
    spec.commandLine().getOut().flush();
    return PatchbayCli.OK;
  }
}
