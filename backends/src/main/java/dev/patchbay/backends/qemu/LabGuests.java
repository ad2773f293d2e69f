package dev.patchbay.backends.qemu;

import dev.patchbay.backends.probe.Probe;
import dev.patchbay.backends.probe.ProbeGuest;
import dev.patchbay.backends.probe.ProbeSettings;
import dev.patchbay.model.qemu.Processes;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Every guest of a lab, started side by side: guests without a disk image boot the probe guest
 * with their NICs' addresses and the probes asked of them. QEMU's {@code socket,connect=} and
 * {@code stream,server=off} give up at once when nobody listens, so the processes holding a
 * listening side start first and the rest once those answer QMP.
 */
public final class LabGuests implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LabGuests.class.getName());
  private static final Duration LISTENER_UP = Duration.ofSeconds(15);

  private final Map<String, GuestProcess> running = new LinkedHashMap<>();

  private LabGuests() {}

  /**
   * Starts the lab's guests, each with a run folder runRoot/GUEST_ID; on any failure the guests
   * already started are stopped again.
   *
   * @param customize last touches to each launch before it starts, e.g. frame dumps
   */
  public static LabGuests start(Topology topology, Path runRoot, Optional<String> namespace, ProbeGuest probe,
      Function<Guest, List<Probe>> probes, int probeTimeoutSeconds, Consumer<GuestLaunch> customize)
      throws IOException {
    LabGuests lab = new LabGuests();
    try {
      Set<String> listeners = listeningGuests(topology);
      List<Guest> all = topology.elementsOf(Guest.class).toList();
      for (boolean firstPass : List.of(true, false)) {
        for (Guest g : all) {
          if (listeners.contains(g.id()) == firstPass) {
            GuestLaunch launch = GuestLaunch.of(topology, g, runFolder(runRoot, g));
            if (g.disk() == null || g.disk().isBlank()) {
              launch.probe(probe, ProbeSettings.of(g, probes.apply(g), probeTimeoutSeconds));
            }
            namespace.ifPresent(launch::inNamespace);
            customize.accept(launch);
            lab.running.put(g.id(), GuestProcess.start(launch));
          }
        }
        if (firstPass) {
          lab.awaitQmp(listeners);
        }
      }
      return lab;
    } catch (IOException | RuntimeException e) {
      lab.stopQuietly();
      throw e;
    }
  }

  private static Path runFolder(Path runRoot, Guest g) {
    return GuestFolders.named(runRoot, g.name());
  }

  /** QEMU answers QMP only after its netdevs exist, so a listening socket is bound by then. */
  private void awaitQmp(Set<String> guestIds) throws IOException {
    for (String id : guestIds) {
      GuestProcess p = running.get(id);
      if (p != null) {
        try {
          p.qmp();
        } catch (IOException e) {
          throw new IOException("guest " + p.launch().guest().name() + " did not come up to listen: "
              + p.status().lastStderr(), e);
        }
      }
    }
  }

  /** Guests whose process holds the listening side of a TCP socket or stream, directly or through a hub. */
  static Set<String> listeningGuests(Topology topology) {
    Processes processes = new Processes(topology);
    Set<String> ids = new LinkedHashSet<>();
    for (Socket s : topology.elementsOf(Socket.class).toList()) {
      if (s.transport() != Socket.Transport.SOCKET && s.transport() != Socket.Transport.STREAM) {
        continue;
      }
      for (Link l : topology.linksOf(s.id())) {
        if (!Socket.LISTEN.equals(l.end(s.id()).port())) {
          continue;
        }
        Optional<Element> other = topology.element(l.other(s.id()).element());
        if (other.isPresent() && other.get() instanceof Guest g) {
          ids.add(g.id());
        } else if (other.isPresent() && other.get() instanceof Hub h) {
          processes.owner(h.id()).ifPresent(ids::add);
        }
      }
    }
    return ids;
  }

  /** The running guests by guest id, in start order. */
  public Map<String, GuestProcess> guests() {
    return Map.copyOf(running);
  }

  public GuestProcess guest(String guestId) {
    GuestProcess p = running.get(guestId);
    if (p == null) {
      throw new IllegalArgumentException("no running guest with id '" + guestId + "'");
    }
    return p;
  }

  /** Waits until every guest is running (probe guests: PB-READY); false if one is not by then. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (GuestProcess p : running.values()) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!p.awaitRunning(left)) {
        return false;
      }
    }
    return true;
  }

  private void stopQuietly() {
    try {
      close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops every guest, the last started first; probe guests without a power-down grace. */
  @Override
  public void close() throws InterruptedException {
    List<GuestProcess> reversed = new ArrayList<>(running.values());
    Collections.reverse(reversed);
    for (GuestProcess p : reversed) {
      try {
        p.close();
      } catch (RuntimeException e) {
        LOG.warning(() -> "stopping " + p.launch().guest().name() + ": " + e.getMessage());
      }
    }
  }
}
