package dev.patchbay.backends.qemu;

import dev.patchbay.backends.apply.GuestStarter;
import dev.patchbay.backends.apply.Journal;
import dev.patchbay.backends.probe.ProbeGuest;
import dev.patchbay.backends.probe.ProbeGuestBuilder;
import dev.patchbay.backends.probe.ProbeSettings;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The guest launcher behind {@code patchbay up} and {@code down}: each StartGuest step starts the
 * guest's QEMU detached inside the lab's target (the sandbox's host namespace, a named namespace,
 * or the host), booting its disk image or, without one, the probe guest configured from the
 * design; run folder LABS/.guests/LAB/GUEST_NAME. StopGuest finds the process again from that folder
 * alone, so {@code down} in a later process stops it. The folder lies outside the lab's own
 * directory because down deletes that one, and the revert watcher (whose down of a sandbox only
 * deletes namespaces) must still find the guests afterwards. The planner orders listening guests first.
 */
public final class LabGuestStarter implements GuestStarter {
  private static final Duration QMP_UP = Duration.ofSeconds(20);
  /** A disk image's OS gets this long to shut down after ACPI power-down. */
  private static final Duration POWERDOWN_GRACE = Duration.ofSeconds(30);
  private static final int PROBE_TIMEOUT_SECONDS = 10;

  private final Topology topology;
  private final Path labsRoot;
  private final String lab;
  private final Optional<String> namespace;
  private ProbeGuest probe;

  /** For up: the design, the labs' root folder, the lab and the namespace its guests run in (empty: the host). */
  public LabGuestStarter(Topology topology, Path labsRoot, String lab, Optional<String> namespace) {
    // The guests join the lab's own VDE switches (LabSwitches), not the design's socket paths.
    this.topology = topology == null ? null : dev.patchbay.backends.apply.LabSwitches.live(topology, labsRoot, lab);
    this.labsRoot = labsRoot;
    this.lab = lab;
    this.namespace = namespace;
  }

  @Override
  public GuestStarter forDesign(Topology design) {
    return new LabGuestStarter(design, labsRoot, lab, namespace);
  }

  /** For down: stopping needs only the run folders. */
  public static LabGuestStarter forDown(Path labsRoot, String lab) {
    return new LabGuestStarter(null, labsRoot, lab, Optional.empty());
  }

  /** The folder holding the run folders of a lab's guests ({@link GuestFolders} names each). */
  public static Path guestsDir(Path labsRoot, String lab) {
    return labsRoot.resolve(".guests").resolve(lab);
  }

  private Path runDir(String guestName) {
    return GuestFolders.named(guestsDir(labsRoot, lab), guestName);
  }

  @Override
  public String start(Step step) throws IOException {
    if (step instanceof Step.StartGuest s) {
      if (topology == null) {
        throw new IOException("guest " + s.guest() + " cannot start without its design");
      }
      Guest g = topology.elementsOf(Guest.class).filter(x -> x.name().equals(s.guest())).findFirst()
          .orElseThrow(() -> new IOException("no guest named " + s.guest() + " in the design"));
      GuestLaunch launch = GuestLaunch.of(topology, g, runDir(g.name()));
      FrameDumps.addTo(dev.patchbay.model.counters.LinkMeters.of(topology)).accept(launch);
      if (g.disk() == null || g.disk().isBlank()) {
        launch.probe(probeGuest(), ProbeSettings.of(g, List.of(), PROBE_TIMEOUT_SECONDS));
      }
      namespace.ifPresent(launch::inNamespace);
      // The designer's and `patchbay console`'s terminal types into it; a probe guest offers a shell there.
      if (launch.isProbe()) {
        launch.withConsoleShell();
      } else {
        launch.withConsoleInput();
      }
      if (g.hasVncDisplay()) {
        launch.withVncDisplay();
      }
      DetachedGuest d = DetachedGuest.start(launch, QMP_UP);
      if (g.hasVncDisplay()) {
        // QEMU made it by its umask; only the lab's owner (this process's user) may see the screen.
        Files.setPosixFilePermissions(launch.displaySocket(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      }
      journal(g, launch, d);
      return "started" + d.process().map(p -> " pid " + p.pid()).orElse("") + (launch.isProbe() ? " (probe guest)" : "")
          + "; console " + launch.serialLog() + ", QMP " + launch.qmpSocket();
    }
    throw new IllegalArgumentException("the guest launcher starts guests, not " + step);
  }

  @Override
  public String stop(Step step) throws IOException {
    if (step instanceof Step.StopGuest s) {
      return stop(new DetachedGuest(runDir(s.guest())));
    }
    throw new IllegalArgumentException("the guest launcher stops guests, not " + step);
  }

  /** A lab that is gone keeps no guest folders: every guest is stopped by PID and its folder removed. */
  @Override
  public List<String> forget() throws IOException {
    return stopAll(labsRoot, lab);
  }

  /** A "guest" line in the lab's journal: where to find the process again (LabRecord skips it). */
  private void journal(Guest g, GuestLaunch launch, DetachedGuest d) throws IOException {
    Journal journal = new Journal(labsRoot.resolve(lab).resolve("journal.jsonl"));
    if (journal.exists()) {
      journal.append(journal.entry("guest").put("name", g.name()).put("pid", d.process().map(ProcessHandle::pid).orElse(-1L))
          .put("qmp", launch.qmpSocket().toString()).put("serial", launch.serialLog().toString())
          .put("probe", launch.isProbe()));
    }
  }

  private static String stop(DetachedGuest d) throws IOException {
    try {
      return d.stop(d.isProbe() ? Duration.ZERO : POWERDOWN_GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the guest in " + d.runDir(), e);
    }
  }

  /**
   * Stops every guest of the lab, one line each, and removes their run folders. down calls this:
   * a sandbox goes by deleting its namespaces, which would leave its QEMU processes running.
   */
  public static List<String> stopAll(Path labsRoot, String lab) throws IOException {
    List<String> report = new java.util.ArrayList<>();
    Path dir = guestsDir(labsRoot, lab);
    if (!Files.isDirectory(dir)) {
      return report;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        report.add("guest " + p.getFileName() + ": " + stop(new DetachedGuest(p)));
      }
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
    return report;
  }

  private ProbeGuest probeGuest() throws IOException {
    if (probe == null) {
      probe = new ProbeGuestBuilder().build();
    }
    return probe;
  }

  /** Each guest of a lab by name, with its state and last stderr lines, from the run folders. */
  public static Map<String, GuestProcess.Status> states(Path labsRoot, String lab) {
    Map<String, GuestProcess.Status> out = new LinkedHashMap<>();
    Path dir = guestsDir(labsRoot, lab);
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      s.sorted().forEach(p -> out.put(p.getFileName().toString(), new DetachedGuest(p).status()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
