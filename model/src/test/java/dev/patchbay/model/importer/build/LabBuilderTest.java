package dev.patchbay.model.importer.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host side every importer builds through one builder. */
class LabBuilderTest {
  private final LabBuilder lab = new LabBuilder(new Topology("t", "", null));

  private List<String> wires() {
    return lab.topology().links().stream().map(Link::toString).toList();
  }

  private boolean linked(String a, String b) {
    return lab.topology().links().stream().anyMatch(l -> l.a().element().equals(a) && l.b().element().equals(b)
        || l.a().element().equals(b) && l.b().element().equals(a));
  }

  @Test
  void twoSwitchesOfOneNameGetTwoNamesForTheirTwoRunFolders() {
    String a = lab.vdeSwitch("sw 1", "vde", false, null);
    String b = lab.vdeSwitch("sw 1", "vde", true, null);
    assertEquals(List.of("sw_1", "sw_1-1"), List.of(a, b));
    assertEquals(List.of("sw_1", "sw_1-1"), lab.topology().elementsOf(VdeSwitch.class).map(Element::name).toList());
    assertEquals(List.of("'sw 1' became switch 'sw_1'", "'sw 1' became hub 'sw_1-1'"), lab.warnings());
  }

  @Test
  void anUplinkGuestsJoinIsEnslavedOnceToABridgeOfItsOwnWithOneLanBehindAllUplinks() {
    String bridge = lab.bridgedUplink("eth1");
    assertEquals(bridge, lab.bridgedUplink("eth1"), "the second macvlan or cloud on eth1 joins the same bridge");
    lab.uplink("eth2");
    assertEquals("br-eth1", lab.topology().element(bridge).orElseThrow().name());
    assertTrue(linked(lab.uplink("eth1"), bridge), wires().toString());
    String only = lab.topology().elementsOf(Lan.class).map(Element::id).reduce((x, y) -> x + "," + y).orElseThrow();
    assertTrue(linked(lab.uplink("eth1"), only) && linked(lab.uplink("eth2"), only), wires().toString());
    assertEquals(3, lab.topology().links().size(), "no link made twice: " + wires());
  }

  @Test
  void twoNicsWiredStraightShareALoopbackSocketOnPortsCountedUpFromTheFirst() {
    Nic nic = new Nic("nic0", NicModel.E1000, null, null);
    lab.add(new Guest("a", "a", "x86_64", "pc", 128, null, List.of(nic)));
    lab.add(new Guest("b", "b", "x86_64", "pc", 128, null, List.of(nic, new Nic("nic1", NicModel.E1000, null, null))));
    Socket s = lab.loopbackSocket(p -> "veth" + p, Endpoint.of("a", "nic0"), Endpoint.of("b", "nic0"));
    Socket t = lab.loopbackSocket(p -> "veth" + p, Endpoint.of("b", "nic1"), Endpoint.of("a", "nic0"));
    assertEquals(List.of(LabBuilder.FIRST_SOCKET_PORT, LabBuilder.FIRST_SOCKET_PORT + 1), List.of(s.port(), t.port()));
    assertEquals("veth20001", s.id());
    assertEquals("127.0.0.1", s.host());
    assertTrue(linked("a", s.id()) && linked("b", s.id()), wires().toString());
  }
}
