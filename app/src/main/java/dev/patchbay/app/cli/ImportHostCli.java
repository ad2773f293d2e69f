package dev.patchbay.app.cli;

import dev.patchbay.backends.apply.HostImport;
import dev.patchbay.backends.apply.Target;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code patchbay import host -o FILE [--netns NAME]}: a topology from what this host holds, read only. */
@Command(name = "host", mixinStandardHelpOptions = true,
    description = {"Read this host (or a network namespace) through netlink, without changing",
        "anything, and write what a lab would be made of: uplinks with their address and",
        "gateway (and the LAN behind them), taps, bridges and their ports, ip_forward,",
        "proxy ARP, host routes to taps and Patchbay's NAT table. Exit status: 0 written,",
        "2 unreadable or unwritable."})
public final class ImportHostCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the topology.")
  Path output;

  @Option(names = "--netns", paramLabel = "NAME", description = "Read this network namespace instead of the host.")
  String netns;

  @Option(names = "--name", paramLabel = "NAME", description = "The topology's name (default: the host's or namespace's).")
  String name;

  @Override
  public Integer call() {
    try (Target target = netns == null ? Target.host() : Target.namespace(netns)) {
      Topology t = HostImport.read(target, name != null ? name : netns != null ? netns : "This host");
      TopologyFiles.save(t, output);
      spec.commandLine().getOut().println("Wrote " + output + ": " + t.elements().size() + " elements, " + t.links().size()
          + " links from " + target.describe());
      return PatchbayCli.OK;
    } catch (IOException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("patchbay import host: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    }
  }
}
