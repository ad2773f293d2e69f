package dev.patchbay.backends.qemu;

import dev.patchbay.backends.probe.Probe;
import dev.patchbay.backends.probe.ProbeGuest;
import dev.patchbay.backends.probe.ProbeGuestBuilder;
import dev.patchbay.backends.probe.ProbeSettings;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Probe guests a live test started, each stopped by its own PID and its run folder removed at the end. */
final class LiveGuests implements AutoCloseable {
  private final List<GuestProcess> started = new ArrayList<>();
  private final List<Path> runDirs = new ArrayList<>();
  private ProbeGuest probe;

  ProbeGuest probeGuest() throws IOException {
    if (probe == null) {
      probe = new ProbeGuestBuilder().build();
    }
    return probe;
  }

  /** A launch of the topology's guest as a probe guest in the namespace. */
  GuestLaunch launch(Topology t, String guestId, TestNamespace ns, List<Probe> probes) throws IOException {
    Guest g = (Guest) t.element(guestId).orElseThrow();
    Path dir = runDir(guestId);
    return GuestLaunch.of(t, g, dir).probe(probeGuest(), ProbeSettings.of(g, probes, 20)).inNamespace(ns.name);
  }

  /** A fresh run folder, removed at the end. */
  Path runDir(String guestId) throws IOException {
    Path dir = Files.createTempDirectory("pb-" + guestId + "-");
    runDirs.add(dir);
    return dir;
  }

  GuestProcess start(GuestLaunch launch) throws IOException {
    GuestProcess p = GuestProcess.start(launch);
    started.add(p);
    return p;
  }

  @Override
  public void close() throws Exception {
    for (GuestProcess p : started) {
      p.stop(Duration.ZERO);
    }
    for (Path dir : runDirs) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
