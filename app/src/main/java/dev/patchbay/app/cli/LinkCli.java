package dev.patchbay.app.cli;

import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LocalLabService;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchbay link LAB|FILE LINK up|down}: cut or restore a link of a running lab through QMP. */
@Command(name = "link", mixinStandardHelpOptions = true,
    description = {"Cut or restore a link of a lab that patchbay up started, with QMP set_link on the",
        "QEMU netdev that carries it (the link as the lab was applied). Exit status: 0 done,",
        "2 no such lab or unknown link, 3 QMP failed."})
public final class LinkCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  LabOrFile labOrFile;

  @Parameters(index = "1", paramLabel = "LINK", description = "The link's id in the design.")
  String link;

  @Parameters(index = "2", paramLabel = "up|down")
  String state;

  @Mixin
  LabOption lab;

  @Override
  public Integer call() throws IOException {
    if (!state.equals("up") && !state.equals("down")) {
      spec.commandLine().getErr().println("patchbay link: the state must be up or down, not '" + state + "'");
      return PatchbayCli.UNREADABLE;
    }
    String name = lab.of(labOrFile);
    try (LocalLabService service = LabCommands.service()) {
      spec.commandLine().getOut().println(service.link(name, link, state.equals("up")));
      return PatchbayCli.OK;
    } catch (LabException e) {
      spec.commandLine().getErr().println("patchbay link: " + e.getMessage());
      return e.reason() == LabException.Reason.ERROR ? UpCli.APPLY_FAILED : PatchbayCli.UNREADABLE;
    }
  }
}
