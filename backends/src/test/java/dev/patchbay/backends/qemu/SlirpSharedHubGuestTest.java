package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.probe.Probe;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Why verify does not probe between two guests that share a hub with user net (the DHCP-over-socket
 * design): slirp sees every frame of its hub and takes each for its own, whatever its destination.
 * guestB's connection to guestA's echo is answered twice, by guestA (its SYN-ACK, from its MAC) and
 * by slirp (a reset in guestA's name, from slirp's MAC), and the guest keeps whichever comes first.
 * Static addresses here (those slirp's DHCP would give) so the probe is known before boot.
 */
@Tag("guests")
class SlirpSharedHubGuestTest {
  private static final String SLIRP_MAC = "52:55:0a:00:02:02";
  private static final String GUEST_A_MAC = "52:54:00:04:00:0a";

  @Test
  void slirpAnswersAConnectionBetweenTwoGuestsOnItsHubInTheTargetsName() throws Exception {
    try (TestNamespace ns = TestNamespace.create(); LiveGuests guests = new LiveGuests()) {
      Map<String, List<Probe>> probes = Map.of("guestA", List.of(), "guestB", List.of(Probe.tcp("10.0.2.15", 7)));
      try (LabGuests lab = LabGuests.start(topology(), guests.runDir("lab"), Optional.of(ns.name), guests.probeGuest(),
          g -> probes.get(g.id()), 30, l -> {
            if (l.guest().id().equals("guestB")) {
              l.dumpFrames("net-nic0", 96);
            }
          })) {
        GuestProcess b = lab.guest("guestB");
        assertTrue(b.await(p -> p.report().done(), Duration.ofSeconds(240)), () -> b.status() + "\n" + b.console());
        Path dump = b.launch().dumps().get(0).file();
        List<PcapFrames.Ipv4Frame> fromA = PcapFrames.ipv4(dump).stream()
            .filter(f -> f.source().equals("10.0.2.15") && f.protocol() == PcapFrames.Ipv4Frame.TCP).toList();
        assertTrue(fromA.stream().anyMatch(f -> f.sourceMac().equals(GUEST_A_MAC)
            && (f.tcpFlags() & PcapFrames.Ipv4Frame.SYN) != 0), "guestA answers itself: " + fromA);
        assertTrue(fromA.stream().anyMatch(f -> f.sourceMac().equals(SLIRP_MAC)
            && (f.tcpFlags() & PcapFrames.Ipv4Frame.RST) != 0), "slirp resets in guestA's name: " + fromA);
      }
    }
  }

  /** dhcp-over-socket's layout: guestA and user0 on vlan0, which listens on a socket; guestB on vlan2, which connects. */
  private static Topology topology() {
    Topology t = new Topology();
    t.add(new Hub("vlan0", "vlan0", 0), null);
    t.add(new Hub("vlan2", "vlan2", 2), null);
    t.add(new UserNet("user0", "user0", "10.0.2.0/24", "10.0.2.2", "10.0.2.3", "10.0.2.15", List.of()), null);
    t.add(new Socket("sock8010", "sock8010", Socket.Transport.SOCKET, "127.0.0.1", 8010, null), null);
    t.add(Guest.of("guestA", "guestA", new Nic("nic0", NicModel.E1000, GUEST_A_MAC,
        IpConfig.fixed("10.0.2.15/24", null))), null);
    t.add(Guest.of("guestB", "guestB", new Nic("nic0", NicModel.E1000, "52:54:00:04:00:0b",
        IpConfig.fixed("10.0.2.16/24", null))), null);
    t.connect(new Link("l0", Endpoint.of("guestA", "nic0"), Endpoint.of("vlan0")));
    t.connect(new Link("l1", Endpoint.of("vlan0"), Endpoint.of("sock8010", Socket.LISTEN)));
    t.connect(new Link("l2", Endpoint.of("sock8010", Socket.CONNECT), Endpoint.of("vlan2")));
    t.connect(new Link("l3", Endpoint.of("guestB", "nic0"), Endpoint.of("vlan2")));
    t.connect(new Link("l4", Endpoint.of("vlan0"), Endpoint.of("user0")));
    return t;
  }
}
