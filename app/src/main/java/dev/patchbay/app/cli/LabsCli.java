package dev.patchbay.app.cli;

import dev.patchbay.backends.apply.LabRecord;
import dev.patchbay.backends.apply.Labs;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code patchbay labs}: what is applied, where, since when. */
@Command(name = "labs", mixinStandardHelpOptions = true, description = "List the labs that are up: where and since when.")
public final class LabsCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<LabRecord> labs = Labs.standard().list();
    if (labs.isEmpty()) {
      out.println("No labs are up.");
      return PatchbayCli.OK;
    }
    out.printf("%-24s %-22s %-9s %s%n", "LAB", "SINCE", "STATE", "WHERE");
    for (LabRecord r : labs) {
      out.printf("%-24s %-22s %-9s %s%n", r.lab(), r.since() == null ? "-" : r.since(), state(r), r.where());
    }
    return PatchbayCli.OK;
  }

  private static String state(LabRecord r) {
    if (r.empty()) {
      return "empty";
    }
    if (r.awaitingConfirmation()) {
      return r.confirmBy() == 0 ? "applying, then a countdown" : "confirm by " + Instant.ofEpochMilli(r.confirmBy());
    }
    return r.applied() ? "up" : "partial";
  }
}
