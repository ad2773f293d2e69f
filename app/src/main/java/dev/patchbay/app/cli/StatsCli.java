package dev.patchbay.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.patchbay.backends.counters.CounterPoller;
import dev.patchbay.model.net.LabName;
import dev.patchbay.backends.counters.KernelCounters;
import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LocalLabService;
import dev.patchbay.backends.netlink.RtNetlink;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkMeters;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code patchbay stats LAB|FILE [--netns NAME] [--run-dir DIR] [--json] [--watch]}: the frames
 * that crossed each link of a running lab. For a lab applied with {@code patchbay up}, its design,
 * namespace and guests' folders come from the lab's state; for a FILE applied some other way (say
 * {@code up.sh} of {@code patchbay export --format script} in a namespace), give --netns and --run-dir.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = {"Show the frames that crossed each link of a running lab, both ways, with rates.",
        "Figures nobody can read are n/a, with the reason below the table.",
        "Exit status: 0 read, 2 topology unreadable or namespace not found."})
public final class StatsCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LAB|FILE",
      description = "A lab applied with patchbay up (see patchbay labs), or the topology a lab was applied from (.json).")
  String labOrFile;

  @Option(names = "--netns", paramLabel = "NAME",
      description = "Network namespace the lab's interfaces live in (default: this process's own).")
  String namespace;

  @Option(names = "--run-dir", paramLabel = "DIR", defaultValue = ".",
      description = {"The folder of the guests' run folders: QEMU's frame dumps are DIR/GUEST_NAME/frames-NETDEV.pcap",
          "(for a lab of patchbay up: STATE/labs/.guests/LAB; default: ${DEFAULT-VALUE})."})
  Path runDir;

  @Option(names = "--json", description = "Print the readings as JSON (n/a figures are null).")
  boolean json;

  @Option(names = "--watch", description = "Keep printing a fresh reading every interval until interrupted.")
  boolean watch;

  @Option(names = "--interval", paramLabel = "MS", defaultValue = "1000",
      description = "Milliseconds between readings, 100 (10 Hz) or more (default: ${DEFAULT-VALUE}).")
  long intervalMs;

  @Option(names = "--count", paramLabel = "N", defaultValue = "0",
      description = "With --watch: stop after N readings (default: until interrupted).")
  int count;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    if (intervalMs < CounterPoller.FASTEST_INTERVAL.toMillis()) {
      err.println("patchbay stats: --interval " + intervalMs + " is below 100 ms: counters refresh at most 10 times a second");
      return PatchbayCli.UNREADABLE;
    }
    if (!labOrFile.endsWith(".json")) {
      // A lab patchbay up applied: the lab service knows its design, namespace and guests.
      try (LocalLabService service = LabCommands.service()) {
        String lab = LabName.checked(labOrFile);
        show(() -> service.counters(lab));
        return PatchbayCli.OK;
      } catch (LabException e) {
        err.println("patchbay stats: " + e.getMessage());
        return PatchbayCli.UNREADABLE;
      } catch (IllegalArgumentException e) {
        err.println("patchbay stats: " + e.getMessage());
        return PatchbayCli.UNREADABLE;
      }
    }
    Topology t;
    try {
      t = Topologies.load(spec, Path.of(labOrFile));
    } catch (Topologies.Unreadable e) {
      err.println("patchbay stats: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    }
    RtNetlink nl;
    try {
      nl = namespace == null ? RtNetlink.open() : RtNetlink.openIn(namespace);
    } catch (IOException | IllegalArgumentException e) {
      err.println("patchbay stats: cannot read network namespace '" + namespace + "': " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    }
    try (nl) {
      CounterPoller poller = new CounterPoller(LinkMeters.of(t), KernelCounters.of(nl),
          dev.patchbay.backends.qemu.GuestFolders.byId(runDir, t), System::nanoTime);
      show(poller::poll);
    } catch (LabException e) {
      throw new IllegalStateException(e); // a local poller reports no lab failures
    }
    return PatchbayCli.OK;
  }

  /** One reading: a lab's from the lab service, or a file's from a poller of its own. */
  @FunctionalInterface
  private interface Reading {
    CounterSnapshot next() throws IOException, LabException;
  }

  /** A first reading only sets the baseline for the rates: the first one printed comes one interval later. */
  private void show(Reading poller) throws IOException, InterruptedException, LabException {
    Duration interval = Duration.ofMillis(intervalMs);
    poller.next();
    int printed = 0;
    do {
      TimeUnit.NANOSECONDS.sleep(interval.toNanos());
      print(poller.next());
      printed++;
    } while (watch && (count <= 0 || printed < count));
  }

  private void print(CounterSnapshot s) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(StatsText.json(s)));
    } else {
      if (watch) {
        out.println("-- " + s.at() + " --");
      }
      out.print(StatsText.table(s));
    }
    out.flush();
  }
}
