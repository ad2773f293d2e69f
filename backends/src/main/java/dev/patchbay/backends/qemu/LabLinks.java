package dev.patchbay.backends.qemu;

import dev.patchbay.model.qemu.Processes;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Cuts and restores a design's link in a running lab with QMP {@code set_link} on the netdev that
 * carries it: a guest NIC's ({@code net-NIC}, as {@link dev.patchbay.model.qemu.QemuCommandLine}
 * names it) or, for a hub's link to a tap or socket, the hub owner's {@code net-HUB-ELEMENT[-PORT]}.
 */
public final class LabLinks {
  private LabLinks() {}

  /**
   * Which guest's QEMU holds the link, and the netdevs set_link acts on there: the netdev's id and,
   * for a hub's backend, the hub port joining it to the hub (see {@link #set}).
   */
  public record Carrier(Guest guest, String netdev, java.util.Optional<String> hubPort) {
    Carrier(Guest guest, String netdev) {
      this(guest, netdev, java.util.Optional.empty());
    }

    /** Every netdev the cut goes to. */
    public java.util.List<String> netdevs() {
      return hubPort.map(p -> java.util.List.of(netdev, p)).orElse(java.util.List.of(netdev));
    }
  }

  public static Carrier carrier(Topology t, String linkId) {
    Link l = t.link(linkId).orElseThrow(() -> new IllegalArgumentException("no link '" + linkId + "' in the design"));
    for (Endpoint end : new Endpoint[] {l.a(), l.b()}) {
      Element e = t.element(end.element()).orElseThrow();
      if (e instanceof Guest g && end.port() != null) {
        return new Carrier(g, "net-" + end.port());
      }
    }
    for (Endpoint end : new Endpoint[] {l.a(), l.b()}) {
      if (t.element(end.element()).orElseThrow() instanceof Hub h) {
        Endpoint other = l.other(h.id());
        String owner = new Processes(t).owner(h.id()).orElseThrow(() -> new IllegalArgumentException(
            "hub " + h.name() + " has no guest whose QEMU holds it"));
        Guest g = (Guest) t.element(owner).orElseThrow();
        String netdev = "net-" + h.id() + "-" + other.element() + (other.port() == null ? "" : "-" + other.port());
        return new Carrier(g, netdev, java.util.Optional.of(netdev + "-port"));
      }
    }
    throw new IllegalArgumentException("link '" + linkId + "' joins no guest or hub: no QEMU carries it");
  }

  /**
   * Sets the link up or down in the guest's QEMU; returns what was done, in words. A NIC's netdev
   * takes its NIC down with it (QEMU sets the peer's link when the peer is a NIC), so nothing is
   * dropped past the frame dump that counts the link. A hub's backend has a hub port for a peer,
   * which QEMU leaves up: frames from the hub would still pass the backend's frame dump and only
   * then be discarded, counted on a link they never crossed. So the hub port is cut with it: QEMU
   * then drops frames both ways at their sender, before any filter sees them.
   */
  public static String set(Topology t, Path labsRoot, String lab, String linkId, boolean up) throws IOException {
    Carrier c = carrier(t, linkId);
    Path socket = GuestFolders.named(LabGuestStarter.guestsDir(labsRoot, lab), c.guest().name()).resolve("qmp.sock");
    try (Qmp qmp = Qmp.connect(socket, Duration.ofSeconds(3))) {
      set(qmp, c, up);
    }
    CutLinks.record(labsRoot, lab, linkId, !up);
    return "link " + linkId + " " + (up ? "up" : "down") + " (set_link " + String.join(" and ", c.netdevs()) + " on "
        + c.guest().name() + ")";
  }

  /** Sets the carrier's netdevs up or down through a QMP connection to its guest's QEMU. */
  public static void set(Qmp qmp, Carrier c, boolean up) throws IOException {
    try {
      for (String netdev : c.netdevs()) {
        qmp.setLink(netdev, up);
      }
    } catch (QmpException e) {
      throw new IOException("QMP set_link " + c.netdev() + " on " + c.guest().name() + ": " + e.getMessage(), e);
    }
  }
}
