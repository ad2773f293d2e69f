package dev.patchbay.model.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.qemu.QemuCommandLine;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QemuImporterTest {

  static List<String> words(String line) {
    return Arrays.asList(line.trim().split("\\s+"));
  }

  static Topology imported(String... lines) {
    return QemuImporter.importLines(Stream.of(lines).map(QemuImporterTest::words).toList(), "test");
  }

  /** Every command line the classic QEMU notes write, one group per set of guests started together. */
  static Stream<List<String>> seedLines() {
    return Stream.of(
        List.of("./qemu -m 384 -k en-us -localtime -hda sol11.img -net user -net nic,model=rtl8139 -redir tcp:5022::22"),
        List.of("./qemu -m 384 -k en-us -localtime -hda sol11.img -cdrom sol11.iso -boot d -net user -net nic,model=rtl8139"),
        List.of("./qemu -k en-us -localtime -hda winxp.img"),
        List.of("qemu -boot c -net nic,vlan=0 -net tap,vlan=0,ifname=tap0,script=no GUEST0.img",
            "qemu -boot c -net nic,vlan=0 -net tap,vlan=0,ifname=tap1,script=no GUEST1.img"),
        List.of("qemu -net nic -net tap,ifname=tap0,script=no"),
        List.of("qemu-system-x86_64 ... -netdev tap,id=xxx,ifname=tap1,script=no,downscript=no -device e1000,netdev=xxx ..."),
        List.of("qemu -net nic,model=rtl8139,vlan=1,macaddr=52:54:00:12:34:56 ..."),
        List.of("qemu -net nic -net socket,listen=:8010 ...", "qemu -net nic,vlan=2 -net socket,vlan=2,connect=127.0.0.1:8010 ..."),
        List.of("qemu -net nic -net socket,mcast=230.0.0.1:1234 ...", "qemu -net nic -net socket,mcast=230.0.0.1:1234 ..."),
        List.of("qemu -net nic -net tap,ifname=qtap0 ..."),
        List.of("vqeq -vdesock /var/run/qtap-ctl qemu -net nic ...", "vqeq -vdesock /var/run/qtap-ctl qemu -net nic ..."),
        List.of("qemu -net nic,vlan=1 -net user,vlan=1 ..."));
  }

  @ParameterizedTest
  @MethodSource("seedLines")
  void everySeedCommandLineImportsAndExportsBackToEquivalentCommandLines(List<String> lines) {
    Topology t = imported(lines.toArray(String[]::new));
    assertEquals(lines.size(), t.elementsOf(Guest.class).count());
    QemuCommandLine q = new QemuCommandLine(t);
    Topology again = QemuImporter.importLines(t.elementsOf(Guest.class).map(q::arguments).toList(), "again");
    assertEquals(QemuEquivalence.sentences(t), QemuEquivalence.sentences(again));
  }

  @Test
  void seed001RedirBecomesAHostForwardOnTheUserNetOfARealtekNic() {
    Topology t = imported("./qemu -m 384 -k en-us -localtime -hda sol11.img -net user -net nic,model=rtl8139 -redir tcp:5022::22");
    Guest g = t.elementsOf(Guest.class).findFirst().orElseThrow();
    assertEquals("sol11", g.name());
    assertEquals(384, g.memoryMiB());
    assertEquals("sol11.img", g.disk());
    assertEquals(NicModel.RTL8139, g.nics().get(0).model());
    UserNet u = t.elementsOf(UserNet.class).findFirst().orElseThrow();
    assertEquals(List.of(new HostForward(HostForward.Protocol.TCP, null, 5022, null, 22)), u.hostfwd());
    assertEquals(u.id(), t.linksAt(Endpoint.of(g.id(), "nic0")).get(0).other(g.id()).element());
  }

  @Test
  void aCommandLineWithoutNetworkOptionsGetsQemusDefaultNicOnUserNet() {
    Topology t = imported("./qemu -k en-us -localtime -hda winxp.img");
    Guest g = t.elementsOf(Guest.class).findFirst().orElseThrow();
    assertEquals(1, g.nics().size());
    assertEquals(1, t.elementsOf(UserNet.class).count());
  }

  @Test
  void aLegacyVlanWithOneNicAndOneTapIsADirectWire() {
    Topology t = imported("qemu -boot c -net nic,vlan=0 -net tap,vlan=0,ifname=tap0,script=no GUEST0.img");
    assertEquals(0, t.elementsOf(Hub.class).count());
    assertEquals("tap0", t.linksAt(Endpoint.of("GUEST0", "nic0")).get(0).other("GUEST0").element());
  }

  @Test
  void twoNicsOnOneVlanShareAHubWithThatNumber() {
    Topology t = imported("qemu -net nic,vlan=1,model=rtl8139 -net nic,vlan=1 -net user,vlan=1");
    Hub h = t.elementsOf(Hub.class).findFirst().orElseThrow();
    assertEquals(1, h.hubId());
    assertEquals(3, t.linksOf(h.id()).size());
  }

  @Test
  void listenAndConnectOnOnePortFromTwoCommandLinesAreOneSocketWithBothEndsWired() {
    Topology t = imported("qemu -name a -net nic -net socket,listen=:8010",
        "qemu -name b -net nic,vlan=2 -net socket,vlan=2,connect=127.0.0.1:8010");
    List<Socket> sockets = t.elementsOf(Socket.class).toList();
    assertEquals(1, sockets.size());
    Socket s = sockets.get(0);
    assertEquals("127.0.0.1", s.host());
    assertEquals(8010, s.port());
    assertEquals(1, t.linksAt(Endpoint.of(s.id(), Socket.LISTEN)).size());
    assertEquals(1, t.linksAt(Endpoint.of(s.id(), Socket.CONNECT)).size());
  }

  @Test
  void oneMulticastGroupIsOneBusForEveryMember() {
    Topology t = imported("qemu -name a -net nic -net socket,mcast=230.0.0.1:1234",
        "qemu -name b -net nic -net socket,mcast=230.0.0.1:1234", "qemu -name c -net nic -net socket,mcast=230.0.0.1:1234");
    Socket s = t.elementsOf(Socket.class).findFirst().orElseThrow();
    assertEquals(Socket.Transport.MCAST, s.transport());
    assertEquals(3, t.linksOf(s.id()).size());
  }

  @Test
  void vdeWrapperJoinsBothGuestsToOneSwitch() {
    Topology t = imported("vqeq -vdesock /var/run/qtap-ctl qemu -name a -net nic", "vqeq -vdesock /var/run/qtap-ctl qemu -name b -net nic");
    VdeSwitch v = t.elementsOf(VdeSwitch.class).findFirst().orElseThrow();
    assertEquals("/var/run/qtap-ctl", v.socketPath());
    assertEquals(2, t.linksOf(v.id()).size());
  }

  @Test
  void aVdeNetdevWithoutSockGetsThePrivateDefaultNotAWellKnownPath() {
    Topology t = imported("qemu -name a -net nic -net vde", "qemu -name b -net nic -net vde");
    VdeSwitch v = t.elementsOf(VdeSwitch.class).findFirst().orElseThrow();
    assertEquals(null, v.socketPath());
    assertEquals(2, t.linksOf(v.id()).size(), "both guests still join one switch");
    assertEquals(VdeSwitch.RUNTIME_ROOT + "/lab/" + v.name(), v.socketPathFor("lab"));
  }

  @Test
  void todaysNetdevAndDeviceKeepTheTapNameAndMac() {
    Topology t = imported("qemu-system-x86_64 -netdev tap,id=xxx,ifname=tap1,script=no,downscript=no"
        + " -device e1000,netdev=xxx,mac=52:54:00:01:01:10");
    Guest g = t.elementsOf(Guest.class).findFirst().orElseThrow();
    assertEquals("52:54:00:01:01:10", g.nics().get(0).mac());
    assertEquals("tap1", t.elementsOf(Tap.class).findFirst().orElseThrow().name());
  }

  @Test
  void theNicOptionMakesNicAndBackendInOne() {
    Topology t = imported("qemu-system-x86_64 -nic user,model=virtio-net-pci,hostfwd=tcp::2222-:22");
    Guest g = t.elementsOf(Guest.class).findFirst().orElseThrow();
    assertEquals(NicModel.VIRTIO, g.nics().get(0).model());
    assertEquals(2222, t.elementsOf(UserNet.class).findFirst().orElseThrow().hostfwd().get(0).hostPort());
  }

  @Test
  void everyElementGetsItsOwnPlace() {
    Topology t = imported("qemu -name a -net nic,vlan=1 -net nic,vlan=1 -net user,vlan=1 -net tap,vlan=1,ifname=t0");
    assertEquals(t.elements().size(), t.layout().size());
    assertEquals(t.layout().size(), new HashSet<>(t.layout().values()).size());
  }

  @Test
  void anUnknownBackendIsReportedWithItsCommandLine() {
    ImportException e = assertThrows(ImportException.class, () -> imported("qemu -net nic", "qemu -net nic -net l2tpv3,src=x"));
    assertTrue(e.getMessage().startsWith("command line 2, -net nic -net") || e.getMessage().contains("command line 2"),
        e.getMessage());
    assertTrue(e.getMessage().contains("l2tpv3"), e.getMessage());
  }

  @Test
  void redirWithoutUserNetIsRefused() {
    ImportException e = assertThrows(ImportException.class, () -> imported("qemu -net nic -net tap,ifname=t0 -redir tcp:5022::22"));
    assertTrue(e.getMessage().contains("-redir"), e.getMessage());
  }

  @Test
  void twoListenersOnOnePortAreRefused() {
    ImportException e = assertThrows(ImportException.class,
        () -> imported("qemu -net nic -net socket,listen=:8010", "qemu -net nic -net socket,listen=:8010"));
    assertTrue(e.getMessage().contains("listen side of port 8010"), e.getMessage());
  }

  @Test
  void aDeviceNamingAnUndefinedNetdevIsRefused() {
    ImportException e = assertThrows(ImportException.class, () -> imported("qemu -device e1000,netdev=nope"));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
  }

  @Test
  void anUnknownNicModelNamesTheModels() {
    ImportException e = assertThrows(ImportException.class, () -> imported("qemu -net nic,model=i82551 -net user"));
    assertTrue(e.getMessage().contains("i82551") && e.getMessage().contains("rtl8139"), e.getMessage());
  }

  @Test
  void aDiskOrUsbDeviceIsNotANic() {
    Topology t = imported("qemu -device virtio-blk-pci,drive=d0 -net nic -net user");
    assertEquals(Set.of("nic0"), Set.copyOf(t.elementsOf(Guest.class).findFirst().orElseThrow().nics().stream()
        .map(n -> n.name()).toList()));
  }

  @Test
  void virtioNetIsQemusShortNameForTheVirtioPciNic() {
    Topology t = imported("qemu-system-x86_64 -netdev user,id=n -device virtio-net,netdev=n");
    assertEquals(NicModel.VIRTIO, t.elementsOf(Guest.class).findFirst().orElseThrow().nics().get(0).model());
  }
}
