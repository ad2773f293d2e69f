package dev.patchbay.app.cli;

import dev.patchbay.backends.apply.LabName;
import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.qemu.LabLinks;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchbay link FILE LINK up|down}: cut or restore a link of a running lab through QMP. */
@Command(name = "link", mixinStandardHelpOptions = true,
    description = {"Cut or restore a link of a lab that patchbay up started, with QMP set_link on the",
        "QEMU netdev that carries it. Exit status: 0 done, 2 unreadable file or unknown link, 3 QMP failed."})
public final class LinkCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The lab's topology file (.json).")
  Path file;

  @Parameters(index = "1", paramLabel = "LINK", description = "The link's id in the file.")
  String link;

  @Parameters(index = "2", paramLabel = "up|down")
  String state;

  @Option(names = "--lab", paramLabel = "NAME", description = "The lab's name (default: from the file name).")
  String lab;

  @Override
  public Integer call() {
    if (!state.equals("up") && !state.equals("down")) {
      spec.commandLine().getErr().println("patchbay link: the state must be up or down, not '" + state + "'");
      return PatchbayCli.UNREADABLE;
    }
    try {
      Topology t = Topologies.load(spec, file);
      String name = LabName.of(lab, file);
      spec.commandLine().getOut().println(LabLinks.set(t, Labs.standard().root(), name, link, state.equals("up")));
      return PatchbayCli.OK;
    } catch (Topologies.Unreadable | IllegalArgumentException e) {
      spec.commandLine().getErr().println("patchbay link: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    } catch (IOException e) {
      spec.commandLine().getErr().println("patchbay link: " + e.getMessage());
      return UpCli.APPLY_FAILED;
    }
  }
}
