package dev.patchbay.app.cli;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.QemuImporter;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchbay import qemu -o FILE -- CMDLINE... [-- CMDLINE...]}. */
@Command(name = "qemu", mixinStandardHelpOptions = true,
    description = {"Turn QEMU command lines, one per guest, into a topology file.",
        "Each command line follows a '--'; another '--' starts the next guest's:",
        "  patchbay import qemu -o lab.json \\",
        "    -- qemu -net nic -net socket,listen=:8010 \\",
        "    -- qemu -net nic,vlan=2 -net socket,vlan=2,connect=127.0.0.1:8010",
        "Reads -net nic|tap|user|socket|vde (vlan=N is a hub), -redir, -netdev,",
        "-device, -nic, and the vdeq/vqeq -vdesock wrapper. A listen and a connect",
        "on one port become one socket link; one multicast group becomes one bus.",
        "Exit status: 0 written, 2 unreadable command line or file not writable."})
public final class ImportQemuCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The topology file to write.")
  Path output;

  @Option(names = "--name", paramLabel = "NAME", defaultValue = "Imported QEMU lab",
      description = "The topology's name (default: ${DEFAULT-VALUE}).")
  String name;

  @Parameters(paramLabel = "CMDLINE", arity = "1..*",
      description = "After '--': a QEMU command line, program first; '--' again starts the next one.")
  List<String> words;

  @Override
  public Integer call() throws IOException {
    var err = spec.commandLine().getErr();
    List<List<String>> lines = split(words);
    if (lines.isEmpty()) {
      err.println("patchbay import qemu: no command line after '--'");
      return PatchbayCli.UNREADABLE;
    }
    Topology t;
    try {
      t = QemuImporter.importLines(lines, name);
    } catch (ImportException e) {
      err.println("patchbay import qemu: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    }
    TopologyFiles.save(t, output);
    spec.commandLine().getOut().println(ImportCli.wrote(output, t));
    spec.commandLine().getOut().flush();
    return PatchbayCli.OK;
  }

  /** Command lines are separated by "--"; QEMU itself never takes a bare "--". */
  static List<List<String>> split(List<String> words) {
    List<List<String>> lines = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String w : words) {
      if (w.equals("--")) {
        if (!current.isEmpty()) {
          lines.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(w);
      }
    }
    if (!current.isEmpty()) {
      lines.add(current);
    }
    return lines;
  }
}
