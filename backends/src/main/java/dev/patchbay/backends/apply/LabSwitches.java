package dev.patchbay.backends.apply;

import dev.patchbay.model.net.LabName;

import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.VdeSwitch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A lab's VDE switches, part of its network like its taps: StartVdeSwitch starts {@code vde_switch}
 * in the lab's target with the run folder LABS/.vde/LAB/NAME, StopVdeSwitch stops it by the PID kept
 * there; guest steps go on to the guest starter. Every apply starts them, also verify's (whose guests
 * are launched by verify itself). The live switch's control directory is the run folder's
 * {@code sock/}, not the design's path (/var/run/qtap-ctl): labs of one design side by side do not
 * share a switch, and a switch the user runs at that path is left alone. {@link #live} gives the
 * design with those paths, for the guests' {@code -netdev vde,sock=}; an exported command line
 * keeps the design's path.
 */
public final class LabSwitches implements GuestStarter {
  private static final Duration READY = Duration.ofSeconds(10);

  private final Path labsRoot;
  private final String lab;
  private final Optional<String> namespace;
  private final GuestStarter guests;

  /** Switches start in {@code namespace} (empty: the host); other steps go to {@code guests}. */
  public LabSwitches(Path labsRoot, String lab, Optional<String> namespace, GuestStarter guests) {
    this.labsRoot = labsRoot;
    this.lab = LabName.checked(lab);
    this.namespace = namespace;
    this.guests = guests;
  }

  public static Path switchesDir(Path labsRoot, String lab) {
    return labsRoot.resolve(".vde").resolve(LabName.checked(lab));
  }

  /** The switch named {@code name} of the lab, by its run folder. */
  public static VdeSwitchProcess of(Path labsRoot, String lab, String name) {
    dev.patchbay.model.net.ProcessName.checked(name);
    return new VdeSwitchProcess(switchesDir(labsRoot, lab).resolve(name));
  }

  /** The design with each VDE switch's socket path moved to its control directory in the live lab. */
  public static Topology live(Topology t, Path labsRoot, String lab) {
    List<VdeSwitch> switches = t.elementsOf(VdeSwitch.class).toList();
    if (switches.isEmpty()) {
      return t;
    }
    Topology copy;
    try {
      copy = TopologyFiles.parse(TopologyFiles.toJson(t), "the live lab's design");
    } catch (TopologyFileException e) {
      throw new IllegalStateException("a design Patchbay wrote does not read back: " + e.getMessage(), e);
    }
    for (VdeSwitch v : switches) {
      String dir = of(labsRoot, lab, v.name()).controlDir().toString();
      copy.replace(new VdeSwitch(v.id(), v.name(), dir, v.hubMode()));
    }
    return copy;
  }

  @Override
  public String start(Step step) throws IOException {
    if (!(step instanceof Step.StartVdeSwitch s)) {
      return guests.start(step);
    }
    var v = VdeSwitchProcess.start(of(labsRoot, lab, s.name()).runDir(), s, namespace, READY);
    long pid = v.process().map(ProcessHandle::pid).orElse(-1L);
    Journal journal = new Journal(labsRoot.resolve(lab).resolve("journal.jsonl"));
    if (journal.exists()) {
      journal.append(journal.entry("vde").put("name", s.name()).put("pid", pid).put("sock", v.controlDir().toString()));
    }
    return "started vde_switch pid " + pid + "; control socket " + v.controlDir().resolve("ctl");
  }

  /** The same switches, with the guests as {@code design} has them (a failed re-apply restarts those). */
  @Override
  public GuestStarter forDesign(Topology design) {
    return new LabSwitches(labsRoot, lab, namespace, guests.forDesign(design));
  }

  @Override
  public String stop(Step step) throws IOException {
    if (step instanceof Step.StopVdeSwitch s) {
      return of(labsRoot, lab, s.name()).stop();
    }
    return guests.stop(step);
  }

  /**
   * Stops every switch of the lab by the PIDs in its run folders and removes the folders. down runs
   * this first: a sandbox goes by deleting its namespaces, which would leave the switches running.
   */
  public static List<String> stopAll(Path labsRoot, String lab) throws IOException {
    List<String> report = new ArrayList<>();
    Path dir = switchesDir(labsRoot, lab);
    if (!Files.isDirectory(dir)) {
      return report;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        report.add("vde_switch " + p.getFileName() + ": " + new VdeSwitchProcess(p).stop());
      }
    }
    Files.deleteIfExists(dir);
    return report;
  }
}
