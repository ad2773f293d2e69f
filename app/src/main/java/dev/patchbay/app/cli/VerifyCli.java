package dev.patchbay.app.cli;

import dev.patchbay.backends.apply.Applier;
import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.verify.VerifyReport;
import dev.patchbay.backends.verify.VerifyRun;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code patchbay verify FILE [--json] [--keep]}: the reachability matrix against real packets. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Check the reachability matrix against real packets: applies the lab in a sandbox,",
        "boots a probe guest for every guest (with the design's NICs and addresses), has each guest",
        "probe every target (TCP, and ICMP unless user net is involved), probes the guests from the",
        "host, the LAN and the Internet, prints predicted vs observed for every cell and tears down.",
        "A design with errors is refused unless --allow-errors.",
        "Exit status: 0 every tested cell agrees, 1 a cell disagrees (or the design has errors),",
        "2 unreadable, 3 the lab could not be applied or booted."})
public final class VerifyCli implements Callable<Integer> {
  static final int FAILED = 3;

  @Spec
  CommandSpec spec;

  @Mixin
  DesignFile design;

  @Option(names = "--json", description = "Print {\"cells\":[...]} instead of a table.")
  boolean json;

  @Option(names = "--keep", description = "Leave the sandbox up afterwards (take it down with patchbay down LAB).")
  boolean keep;

  @Option(names = "--allow-errors", description = {"Verify a design with errors: apply what can be applied (each step",
      "that cannot is left out and named, with why) and show what the packets did in every cell."})
  boolean allowErrors;

  @Mixin
  LabOption lab;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Topology t;
    try {
      t = allowErrors ? Topologies.loadAllowingErrors(spec, design.file) : Topologies.loadBuildable(spec, design.file);
    } catch (Topologies.Refused r) {
      return r.code();
    }
    String name = lab.of(design.file);
    VerifyReport report;
    try {
      report = VerifyRun.standard(Labs.standard()).run(t, name, design.file.toAbsolutePath().toString(), keep,
          allowErrors);
    } catch (Applier.ApplyException | IOException e) {
      err.println("patchbay verify: " + e.getMessage());
      return FAILED;
    }
    out.print(json ? report.json() + System.lineSeparator() : report.table());
    if (keep) {
      out.println("Lab " + name + " is still up; take it down with: patchbay down " + name);
    }
    out.flush();
    return report.allAgree() ? PatchbayCli.OK : PatchbayCli.FINDINGS;
  }
}
