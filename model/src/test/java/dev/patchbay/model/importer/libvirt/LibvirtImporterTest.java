package dev.patchbay.model.importer.libvirt;

import static dev.patchbay.model.importer.xml.ImportFixtures.file;
import static dev.patchbay.model.importer.xml.ImportFixtures.files;
import static dev.patchbay.model.importer.xml.ImportFixtures.wire;
import static dev.patchbay.model.importer.xml.ImportFixtures.wires;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.importer.xml.ImportFixtures;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LibvirtImporterTest {
  private static Imported imported(String... names) {
    return Importers.read(files("libvirt", names), null);
  }

  private static Guest guest(Topology t, String id) {
    return (Guest) t.element(id).orElseThrow(() -> new AssertionError("no guest " + id + " in " + t.elements()));
  }

  private static <T> T element(Topology t, String id, Class<T> type) {
    return type.cast(t.element(id).orElseThrow(() -> new AssertionError("no " + id + " in " + t.elements())));
  }

  private static boolean warned(Imported i, String part) {
    return i.warnings().stream().anyMatch(w -> w.contains(part));
  }

  @Test
  void domainAndNetworkFilesAreDetectedByTheirRootElement() {
    LibvirtImporter libvirt = new LibvirtImporter();
    assertTrue(libvirt.recognises(file("libvirt", "domain-web.xml")));
    assertTrue(libvirt.recognises(file("libvirt", "net-default-nat.xml")));
    assertFalse(libvirt.recognises(SourceFile.of("lab.xml", "<scenario name='x'/>")));
    assertFalse(libvirt.recognises(SourceFile.of("lab.xml", "{\"format\": \"patchbay-topology\"}")));
    assertEquals("libvirt", Importers.detect(file("libvirt", "domain-web.xml")).orElseThrow().id());
  }

  @Test
  void aNatNetworkIsABridgeWithTheHostsAddressMasqueradedOutOfItsForwardDev() {
    Imported i = imported("domain-web.xml", "net-default-nat.xml", "net-isolated.xml");
    Topology t = i.topology();
    Bridge virbr0 = element(t, "virbr0", Bridge.class);
    assertEquals("192.168.122.1/24", virbr0.address());
    Uplink up = element(t, "enp3s0", Uplink.class);
    assertEquals(new HostSettings(true, List.of(new HostSettings.Nat("192.168.122.0/24", up.id())), List.of(),
        List.of()), t.host());
    assertTrue(wires(t).contains(wire(Endpoint.of("enp3s0"), Endpoint.of("lan"))));
    assertTrue(wires(t).contains(wire(Endpoint.of("web1", "nic0"), Endpoint.of("vnet0"))));
    assertTrue(wires(t).contains(wire(Endpoint.of("vnet0"), Endpoint.of("virbr0"))));
    assertTrue(warned(i, "IPv4 only"), i.warnings().toString());
    assertTrue(ImportFixtures.wiringErrors(t).isEmpty(), ImportFixtures.wiringErrors(t).toString());
  }

  @Test
  void aDomainKeepsItsMemoryMachineFirstDiskAndNicsWithModelMacAndDhcpFromTheNetwork() {
    Imported i = imported("domain-web.xml", "net-default-nat.xml", "net-isolated.xml");
    Guest web = guest(i.topology(), "web1");
    assertEquals(1024, web.memoryMiB());
    assertEquals("x86_64", web.arch());
    assertEquals("pc-q35-7.2", web.machine());
    assertEquals("/var/lib/libvirt/images/web1.qcow2", web.disk());
    assertEquals(List.of(new Nic("nic0", NicModel.VIRTIO, "52:54:00:6d:90:01", IpConfig.dhcp()),
        new Nic("nic1", NicModel.E1000, "52:54:00:6d:90:02", null)), web.nics());
    assertTrue(warned(i, "disk 2 (cdrom"), i.warnings().toString());
  }

  @Test
  void anIsolatedNetworkIsABridgeWithAnAddressAndNoForwarding() {
    Topology t = imported("net-isolated.xml", "domain-web.xml", "net-default-nat.xml").topology();
    assertEquals("172.16.5.1/24", element(t, "virbr3", Bridge.class).address());
    String tap = t.linksAt(Endpoint.of("web1", "nic1")).get(0).other("web1").element();
    assertTrue(wires(t).contains(wire(Endpoint.of(tap), Endpoint.of("virbr3"))));
    assertEquals(1, t.host().nat().size(), "only the NAT network masquerades");
  }

  @Test
  void withoutTheNetworkFileTheStockDefaultNetworkIsAssumedAndSaid() {
    Imported i = imported("domain-web.xml");
    Topology t = i.topology();
    assertEquals("192.168.122.1/24", element(t, "virbr0", Bridge.class).address());
    assertEquals(List.of(new HostSettings.Nat("192.168.122.0/24", "eth0")), t.host().nat());
    assertTrue(warned(i, "network 'default' is in none of the files"), i.warnings().toString());
    assertTrue(warned(i, "network 'isolated' is in none of the files"), i.warnings().toString());
    assertNull(element(t, "isolated", Bridge.class).address());
  }

  @Test
  void routedAndOpenNetworksForwardWithoutMasquerade() {
    Imported i = imported("net-route.xml", "net-open.xml");
    Topology t = i.topology();
    assertTrue(t.host().ipForward());
    assertTrue(t.host().nat().isEmpty());
    assertEquals("10.20.0.1/24", element(t, "virbr1", Bridge.class).address());
    assertEquals("10.30.0.1/16", element(t, "virbr2", Bridge.class).address());
    element(t, "eth1", Uplink.class);
    element(t, "eth0", Uplink.class);
    assertTrue(warned(i, "needs a route to 10.20.0.0/24"), i.warnings().toString());
    assertTrue(warned(i, "forward mode open names no dev"), i.warnings().toString());
  }

  @Test
  void aNatNetworkWithoutModeOrDevMasqueradesOutOfAnAssumedUplink() {
    Imported i = imported("net-nat-no-dev.xml");
    assertEquals(List.of(new HostSettings.Nat("192.168.50.0/24", "eth0")), i.topology().host().nat());
    assertTrue(warned(i, "uplink eth0 assumed"), i.warnings().toString());
  }

  @Test
  void aBridgeModeNetworkAndABridgeInterfaceOfTheSameNameAreOneHostBridgeWithATapPerNic() {
    Imported i = imported("net-host-bridge.xml", "domain-bridge.xml");
    Topology t = i.topology();
    assertEquals(1, t.elementsOf(Bridge.class).count());
    assertNull(element(t, "br0", Bridge.class).address(), "the host's own bridge: its address is the host's business");
    Guest db = guest(t, "db1");
    assertEquals("/dev/vg0/db1", db.disk());
    assertEquals(512, db.memoryMiB());
    assertEquals(NicModel.RTL8139, db.nics().get(0).model());
    assertTrue(wires(t).contains(wire(Endpoint.of("db1", "nic0"), Endpoint.of("vnet-db1"))));
    assertTrue(wires(t).contains(wire(Endpoint.of("vnet-db1"), Endpoint.of("br0"))));
  }

  @Test
  void ethernetIsALoneTapAndUserIsSlirpWithTheSubnetTheFileGives() {
    Imported i = imported("domain-ethernet-user.xml");
    Topology t = i.topology();
    Guest edge = guest(t, "edge");
    assertEquals("aarch64", edge.arch());
    assertEquals("virt", edge.machine());
    assertEquals(2048, edge.memoryMiB());
    assertNull(edge.disk());
    assertEquals(List.of(NicModel.VIRTIO, NicModel.VIRTIO, NicModel.PCNET), edge.nics().stream().map(Nic::model).toList());
    element(t, "mytap7", Tap.class);
    assertEquals(List.of(wire(Endpoint.of("edge", "nic0"), Endpoint.of("mytap7"))),
        t.linksOf("mytap7").stream().map(l -> wire(l.a(), l.b())).toList(), "an ethernet tap is on no bridge");
    List<UserNet> users = t.elementsOf(UserNet.class).toList();
    assertEquals(2, users.size());
    assertEquals(UserNet.defaults(users.get(0).id(), users.get(0).name()), users.get(0));
    UserNet custom = users.get(1);
    assertEquals(List.of("172.17.2.0/24", "172.17.2.2", "172.17.2.3", "172.17.2.15"),
        List.of(custom.net(), custom.host(), custom.dns(), custom.dhcpStart()));
  }

  @Test
  void portForwardsOfAUserInterfaceAreHostForwardsOfItsUserNet() {
    Imported i = imported("domain-user-forwards.xml");
    UserNet u = i.topology().elementsOf(UserNet.class).findFirst().orElseThrow();
    assertEquals("172.17.2.0/24", u.net());
    HostForward.Protocol udp = HostForward.Protocol.UDP;
    assertEquals(List.of(new HostForward(HostForward.Protocol.TCP, null, 2022, null, 22),
        new HostForward(udp, "127.0.0.1", 5000, null, 6000), new HostForward(udp, "127.0.0.1", 5001, null, 6001),
        new HostForward(udp, "127.0.0.1", 5003, null, 6003), new HostForward(udp, "127.0.0.1", 5004, null, 6004)),
        u.hostfwd());
    for (String w : List.of("passt backend is drawn as QEMU's user net", "portForward on '2001:db8:ac10:fd01::1:10'"
        + " not drawn", "portForward range 1-65535 not drawn")) {
      assertTrue(warned(i, w), w + " in " + i.warnings());
    }
  }

  @Test
  void twoUdpInterfacesWithMirroredPortsAreOneDgramSocketWithBothSidesWired() {
    Topology t = imported("domain-udp-a.xml", "domain-udp-b.xml").topology();
    List<Socket> sockets = t.elementsOf(Socket.class).toList();
    assertEquals(1, sockets.size());
    Socket s = sockets.get(0);
    assertEquals(Socket.Transport.DGRAM, s.transport());
    assertEquals(11116, s.port());
    assertEquals(11115, s.peerPort());
    assertTrue(wires(t).contains(wire(Endpoint.of("udp-a", "nic0"), Endpoint.of(s.id(), "a"))));
    assertTrue(wires(t).contains(wire(Endpoint.of("udp-b", "nic0"), Endpoint.of(s.id(), "b"))));
    assertTrue(ImportFixtures.wiringErrors(t).isEmpty(), ImportFixtures.wiringErrors(t).toString());
  }

  @Test
  void mcastInterfacesOfOneGroupAreOneBus() {
    Topology t = imported("domain-mcast-1.xml", "domain-mcast-2.xml", "domain-mcast-3.xml").topology();
    Socket bus = t.elementsOf(Socket.class).findFirst().orElseThrow();
    assertEquals(Socket.Transport.MCAST, bus.transport());
    assertEquals("230.0.0.1", bus.host());
    assertEquals(5558, bus.port());
    assertEquals(3, t.linksOf(bus.id()).size());
  }

  @Test
  void serverAndClientAreOneTcpSocketAndAThirdInterfaceIsSkipped() {
    Imported i = imported("domain-server.xml", "domain-client.xml", "domain-client2.xml");
    Topology t = i.topology();
    Socket s = t.elementsOf(Socket.class).findFirst().orElseThrow();
    assertEquals(Socket.Transport.SOCKET, s.transport());
    assertEquals("127.0.0.1", s.host());
    assertTrue(wires(t).contains(wire(Endpoint.of("tcp-server", "nic0"), Endpoint.of(s.id(), "listen"))));
    assertTrue(wires(t).contains(wire(Endpoint.of("tcp-client", "nic0"), Endpoint.of(s.id(), "connect"))));
    assertEquals(List.of("tcp-client2 interface 1 (52:54:00:ee:00:03)"), i.skipped().stream().map(Skipped::what).toList());
    assertTrue(guest(t, "tcp-client2").nics().isEmpty());
  }

  @Test
  void macvtapHostdevVhostUserVdpaAndOpenVSwitchInterfacesAreSkippedAndNamedInTheNote() {
    Imported i = imported("domain-skipped-interfaces.xml", "net-macvtap.xml");
    List<String> kinds = i.skipped().stream().map(Skipped::kind).toList();
    assertEquals(7, i.skipped().size(), kinds.toString());
    assertTrue(kinds.contains("libvirt <interface type='direct'>"));
    assertTrue(kinds.contains("libvirt <interface type='hostdev'>"));
    assertTrue(kinds.contains("libvirt <interface type='vhostuser'>"));
    assertTrue(kinds.contains("libvirt <interface type='vdpa'>"));
    assertTrue(kinds.contains("libvirt <interface type='bridge'> on Open vSwitch"));
    assertTrue(kinds.contains("libvirt network, forward mode bridge"));
    Guest odd = guest(i.topology(), "odd");
    assertEquals(List.of(new Nic("nic0", NicModel.E1000, "52:54:00:f0:00:07", null)), odd.nics(),
        "the one drawable interface is the guest's only NIC");
    String note = i.topology().note(Importers.NOTE_ID).orElseThrow().text();
    assertTrue(note.contains("odd interface 1 (52:54:00:f0:00:01) (libvirt <interface type='direct'>)"), note);
    assertTrue(note.contains("macvtap-net"), note);
  }

  @ParameterizedTest
  @CsvSource({"net-passthrough.xml, pass, forward mode passthrough", "net-hostdev.xml, sriov, forward mode hostdev",
      "net-macvtap.xml, macvtap-net, forward mode bridge", "net-ovs.xml, ovs-net, forward mode bridge"})
  void networksThatHandAHostNicToTheGuestAreSkipped(String fixture, String name, String kind) {
    Imported i = imported(fixture);
    assertEquals(1, i.skipped().size());
    assertEquals(name, i.skipped().get(0).what());
    assertTrue(i.skipped().get(0).kind().endsWith(kind), i.skipped().get(0).kind());
    assertEquals(0, i.topology().elementsOf(Bridge.class).count());
  }

  @Test
  void valuesThatDoNotFitFallBackAndSaySo() {
    Imported i = imported("domain-values.xml");
    Guest g = i.topology().elementsOf(Guest.class).findFirst().orElseThrow();
    assertEquals("old_box__test_", g.name());
    assertEquals("x86_64", g.arch());
    assertEquals("pc", g.machine());
    assertEquals(96, g.memoryMiB(), "100 MB is 95.4 MiB, rounded up");
    assertEquals("images/first.img", g.disk());
    // the bad MACs are left out and each NIC gets one of its own, as libvirt itself would make one
    assertEquals(List.of(new Nic("nic0", NicModel.E1000, "52:54:00:01:00:01", null),
        new Nic("nic1", NicModel.E1000, "52:54:00:01:00:02", null)), g.nics());
    for (String w : List.of("'x86_99' is not a QEMU system target", "is not a plain QEMU machine type",
        "'e1000e' is not one Patchbay emulates", "MAC '01:00:5e:00:00:01' is not a unicast",
        "MAC 'not-a-mac'", "disk 1 (disk, type 'network')", "disk 3 (disk, type 'file'): not taken",
        "'old box (test)' became guest name")) {
      assertTrue(warned(i, w), w + " in " + i.warnings());
    }
  }

  @Test
  void anLxcContainerIsAGuestWithoutDiskAndOtherHypervisorsAreSkipped() {
    Imported i = imported("domain-lxc.xml", "domain-xen.xml");
    Guest ct = guest(i.topology(), "ct1");
    assertNull(ct.disk());
    assertEquals(1, ct.nics().size());
    assertTrue(warned(i, "LXC container"), i.warnings().toString());
    assertEquals(List.of(new Skipped("xenvm", "libvirt domain of type 'xen'", "not run by QEMU; Patchbay runs QEMU"
        + " guests only")), i.skipped());
  }

  @Test
  void aNetworkNoFileDefinesIsABridgeWithoutAddressAndAWarning() {
    Imported i = imported("domain-unknown-network.xml", "net-nat-no-dev.xml");
    Topology t = i.topology();
    assertNull(element(t, "lab-net", Bridge.class).address());
    assertTrue(warned(i, "network 'lab-net' is in none of the files"), i.warnings().toString());
    String tap = t.linksAt(Endpoint.of("lonely", "nic1")).get(0).other("lonely").element();
    assertTrue(wires(t).contains(wire(Endpoint.of(tap), Endpoint.of("virbr9"))), "'lab' is defined: its bridge");
  }

  @Test
  void aRunningDomainsSourceBridgeNamesTheBridgeOfANetworkNoFileDefines() {
    Topology t = imported("domain-running.xml").topology();
    assertTrue(wires(t).contains(wire(Endpoint.of("vnet12"), Endpoint.of("virbr4"))), wires(t).toString());
    assertNull(element(t, "virbr4", Bridge.class).address());
  }

  @Test
  void everyImportIsLaidOutAndSavesAsAPatchbayFile() throws Exception {
    Imported i = imported("domain-web.xml", "net-default-nat.xml", "net-isolated.xml", "domain-bridge.xml",
        "domain-ethernet-user.xml", "domain-udp-a.xml", "domain-udp-b.xml", "domain-server.xml", "domain-client.xml");
    Topology t = i.topology();
    t.elements().forEach(e -> assertTrue(t.position(e.id()).isPresent(), e.id() + " has no position"));
    Topology back = ImportFixtures.roundTrip(t);
    assertEquals(t.elements().size(), back.elements().size());
    assertEquals(wires(t), wires(back));
    assertTrue(ImportFixtures.wiringErrors(t).isEmpty(), ImportFixtures.wiringErrors(t).toString());
  }

  @Test
  void aColleaguesSoundLabChecksWithoutErrors() {
    Topology t = imported("domain-web.xml", "domain-bridge.xml", "net-default-nat.xml", "net-isolated.xml",
        "net-host-bridge.xml", "domain-ethernet-user.xml", "domain-udp-a.xml", "domain-udp-b.xml", "domain-server.xml",
        "domain-client.xml", "domain-mcast-1.xml", "domain-mcast-2.xml").topology();
    assertEquals(List.of(), ImportFixtures.errors(t));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "broken-unclosed.xml | broken-unclosed.xml: line 6, column ",
      "broken-no-name.xml | broken-no-name.xml: <domain> has no <name>",
      "broken-memory.xml | broken-memory.xml: domain 'm', <memory>: memory unit 'parsecs'",
      "broken-port.xml | broken-port.xml: domain 'p', interface 1: port '70000' is not a port number",
      "broken-netmask.xml | broken-netmask.xml: network 'bad': <ip netmask='255.0.255.0'> is not a netmask",
      "broken-forward-mode.xml | broken-forward-mode.xml: network 'odd': forward mode 'teleport' is not one libvirt",
      "broken-mcast.xml | broken-mcast.xml: domain 'm', interface 1: multicast address '192.168.0.1' is not",
      "broken-no-source.xml | broken-no-source.xml: domain 's', interface 1: <source> needs a bridge attribute",
      "broken-no-type.xml | broken-no-type.xml: domain 't', interface 1: <interface> has no type"})
  void brokenFilesAreRefusedNamingFileAndPlace(String fixture, String message) {
    ImportException e = assertThrows(ImportException.class, () -> imported(fixture));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void aNetworkDefinedTwiceIsRefused() {
    SourceFile again = new SourceFile("again.xml", file("libvirt", "net-route.xml").bytes());
    ImportException e = assertThrows(ImportException.class,
        () -> Importers.read(List.of(file("libvirt", "net-route.xml"), again), null));
    assertEquals("again.xml: network 'routed' is defined twice; each network name names one network", e.getMessage());
  }

  @Test
  void anotherXmlRootIsRefusedWhenLibvirtIsForced() {
    ImportException e = assertThrows(ImportException.class,
        () -> Importers.read(List.of(SourceFile.of("s.xml", "<scenario name='x'/>")), "libvirt"));
    assertEquals("s.xml: the root element is <scenario>; expected <domain> (virsh dumpxml) or <network>"
        + " (virsh net-dumpxml)", e.getMessage());
  }

  @Test
  void anUndeclaredEntityExpandsToNothing() {
    ImportException e = assertThrows(ImportException.class, () -> imported("undeclared-entity.xml"));
    assertEquals("undeclared-entity.xml: <domain> has no <name>", e.getMessage());
  }
}
