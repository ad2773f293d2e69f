package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which guests must start first because their QEMU listens for another's. */
class LabGuestsTest {

  private static Topology sample(String name) throws Exception {
    return TopologyFiles.load(Path.of(System.getProperty("patchbay.samples"), name));
  }

  @Test
  void hubOwnerOfTheListeningSideStartsFirst() throws Exception {
    assertEquals(Set.of("guestA"), LabGuests.listeningGuests(sample("socket-listen-connect.json")));
  }

  @ParameterizedTest
  @CsvSource({"mcast-three-guests.json", "nat-bridge.json", "user-net-hostfwd.json"})
  void labsWithoutTcpSocketsHaveNoListeners(String file) throws Exception {
    assertEquals(Set.of(), LabGuests.listeningGuests(sample(file)));
  }

  @Test
  void guestWhoseNicSitsOnTheListenSideOfAStreamStartsFirst() {
    Topology t = new Topology();
    t.add(Guest.of("srv", "srv", new Nic("nic0", null, null, IpConfig.dhcp())), null);
    t.add(Guest.of("cli", "cli", new Nic("nic0", null, null, IpConfig.dhcp())), null);
    t.add(new Socket("s1", "s1", Socket.Transport.STREAM, "127.0.0.1", 9000, null), null);
    t.connect(new Link("l1", Endpoint.of("cli", "nic0"), Endpoint.of("s1", Socket.CONNECT)));
    t.connect(new Link("l2", Endpoint.of("s1", Socket.LISTEN), Endpoint.of("srv", "nic0")));
    assertEquals(Set.of("srv"), LabGuests.listeningGuests(t));
  }
}
