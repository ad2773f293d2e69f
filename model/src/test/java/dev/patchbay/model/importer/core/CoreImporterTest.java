package dev.patchbay.model.importer.core;

import static dev.patchbay.model.importer.xml.ImportFixtures.file;
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
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CoreImporterTest {
  private static Imported imported(String name) {
    return Importers.read(List.of(file("core", name)), null);
  }

  private static <T> T element(Topology t, String id, Class<T> type) {
    return type.cast(t.element(id).orElseThrow(() -> new AssertionError("no " + id + " in " + t.elements())));
  }

  private static boolean warned(Imported i, String part) {
    return i.warnings().stream().anyMatch(w -> w.contains(part));
  }

  private static Nic nic(String name, String mac, String cidr) {
    return new Nic(name, NicModel.E1000, mac, cidr == null ? null : IpConfig.fixed(cidr, null));
  }

  @Test
  void bothDialectsAreDetectedByTheScenarioRoot() {
    CoreImporter core = new CoreImporter();
    assertTrue(core.recognises(file("core", "switch-hub.xml")));
    assertTrue(core.recognises(file("core", "nmf-switch-hub.xml")));
    assertFalse(core.recognises(file("libvirt", "domain-web.xml")));
    assertEquals("core", Importers.detect(file("core", "nmf-ptp-rj45.xml")).orElseThrow().id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"switch-hub.xml", "nmf-switch-hub.xml"})
  void devicesAreDisklessGuestsOnAVdeSwitchOrAHubModeVdeSwitch(String fixture) {
    Imported i = imported(fixture);
    Topology t = i.topology();
    boolean nmf = fixture.startsWith("nmf");
    String sw = nmf ? "lan4" : "sw1";
    String hub = nmf ? "hub5" : "hub1";
    String router = nmf ? "n1" : "r1";
    assertFalse(element(t, sw, VdeSwitch.class).hubMode());
    assertTrue(element(t, hub, VdeSwitch.class).hubMode());
    Guest r = element(t, router, Guest.class);
    assertNull(r.disk(), "a namespace node has no image: the probe guest stands in");
    assertEquals(List.of(nic("nic0", "00:00:00:aa:00:00", "10.0.0.1/24"), nic("nic1", nmf ? "00:00:00:aa:00:01"
        : "00:00:00:aa:00:02", "10.0.1.1/24")), r.nics());
    assertTrue(wires(t).contains(wire(Endpoint.of(router, "nic0"), Endpoint.of(sw))));
    assertTrue(wires(t).contains(wire(Endpoint.of(router, "nic1"), Endpoint.of(hub))));
    assertTrue(warned(i, "as network namespaces, not VMs"), i.warnings().toString());
    assertTrue(i.skipped().isEmpty(), i.skipped().toString());
    assertTrue(ImportFixtures.wiringErrors(t).isEmpty(), ImportFixtures.wiringErrors(t).toString());
  }

  @ParameterizedTest
  @CsvSource({"switch-hub.xml, r1, 200, 300", "switch-hub.xml, sw1, 400, 200", "nmf-switch-hub.xml, n2, 600, 150",
      "nmf-switch-hub.xml, hub5, 400, 450"})
  void positionsAreKept(String fixture, String id, double x, double y) {
    assertEquals(new Point(x, y), imported(fixture).topology().position(id).orElseThrow());
  }

  @Test
  void mapPositionsOfTheOldDialectBecomePixelsAroundTheOrigin() {
    Topology t = imported("nmf-ptp-rj45.xml").topology();
    assertEquals(new Point(100, 100), t.position("n1").orElseThrow(), "the origin's own point");
    Point n2 = t.position("n2").orElseThrow();
    assertEquals(302, n2.x(), 2, "0.00404 degrees east is about 303 m, 202 px at 150 m per 100 px");
    assertEquals(100, n2.y(), 1);
    assertEquals(298, t.position("eth3").orElseThrow().y(), 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ptp-core6.xml", "nmf-ptp-rj45.xml"})
  void aPointToPointLinkIsATwoPortVdeSwitch(String fixture) {
    Topology t = imported(fixture).topology();
    boolean nmf = fixture.startsWith("nmf");
    String a = nmf ? "n1" : "r1";
    String b = nmf ? "n2" : "r2";
    String ptp = "ptp-" + a + "-" + b;
    element(t, ptp, VdeSwitch.class);
    assertEquals(List.of(wire(Endpoint.of(a, "nic0"), Endpoint.of(ptp)), wire(Endpoint.of(b, "nic0"),
        Endpoint.of(ptp))), t.linksOf(ptp).stream().map(l -> wire(l.a(), l.b())).sorted().toList());
    assertEquals(nmf ? "10.0.9.2/30" : "10.0.5.2/30", element(t, b, Guest.class).nics().get(0).ip().address());
  }

  @Test
  void anRj45IsAnUplinkOnABridgeWithATapPerDeviceAndSwitchesJoinItThroughTheirTaps() {
    Imported i = imported("rj45.xml");
    Topology t = i.topology();
    element(t, "enp0s8", Uplink.class);
    assertEquals(new Point(100, 100), t.position("enp0s8").orElseThrow());
    element(t, "br-enp0s8", Bridge.class);
    List<String> w = wires(t);
    assertTrue(w.contains(wire(Endpoint.of("enp0s8"), Endpoint.of("br-enp0s8"))), w.toString());
    assertTrue(w.contains(wire(Endpoint.of("enp0s8"), Endpoint.of("lan"))), w.toString());
    for (String sw : List.of("sw1", "sw2")) {
      String tap = t.linksOf(sw).stream().map(l -> l.other(sw).element()).filter(e -> t.element(e).orElseThrow()
          instanceof Tap).findFirst().orElseThrow(() -> new AssertionError(sw + " has no tap: " + w));
      assertTrue(w.contains(wire(Endpoint.of(tap), Endpoint.of("br-enp0s8"))), "switch-switch and switch-RJ45 links"
          + " make one segment: " + w);
    }
    String tap = t.linksAt(Endpoint.of("n3", "nic0")).get(0).other("n3").element();
    assertTrue(w.contains(wire(Endpoint.of(tap), Endpoint.of("br-eth9"))), w.toString());
    assertTrue(w.contains(wire(Endpoint.of("eth9"), Endpoint.of("br-eth9"))), w.toString());
    assertTrue(ImportFixtures.wiringErrors(t).isEmpty(), ImportFixtures.wiringErrors(t).toString());
  }

  @Test
  void anRj45OfTheOldDialectIsAnUplinkBridgedToTheRouterThatUsesIt() {
    Topology t = imported("nmf-ptp-rj45.xml").topology();
    String tap = t.linksAt(Endpoint.of("n2", "nic1")).get(0).other("n2").element();
    assertTrue(wires(t).contains(wire(Endpoint.of(tap), Endpoint.of("br-eth3"))));
    assertTrue(wires(t).contains(wire(Endpoint.of("eth3"), Endpoint.of("br-eth3"))));
  }

  @Test
  void wirelessEmaneAndTunnelNetworksAreSkippedWithTheirLinks() {
    Imported i = imported("wireless.xml");
    List<String> what = i.skipped().stream().map(Skipped::what).toList();
    assertEquals(List.of("link wlan1 - mdr1:eth0", "link emane1 - mdr2:eth0", "link gre1 - sw1", "wlan1", "emane1",
        "gre1"), what);
    assertEquals("CORE WIRELESS_LAN", i.skipped().get(3).kind());
    Topology t = i.topology();
    assertEquals(List.of(nic("nic0", "00:00:00:aa:00:42", "10.1.0.1/24")), element(t, "mdr1", Guest.class).nics(),
        "only the wired interface becomes a NIC");
    assertTrue(element(t, "mdr2", Guest.class).nics().isEmpty());
    String note = t.note(Importers.NOTE_ID).orElseThrow().text();
    assertTrue(note.contains("wlan1 (CORE WIRELESS_LAN): a wireless LAN"), note);
  }

  @Test
  void aChannelMemberNoElementHasIsLeftOutAndItsDeviceStillJoinsTheNetworksOneSwitch() {
    Imported i = imported("nmf-unknown-port.xml");
    assertTrue(warned(i, "member 'lan4/e1' is no device's or switch's interface; left out"), i.warnings().toString());
    assertTrue(wires(i.topology()).contains(wire(Endpoint.of("n2", "nic0"), Endpoint.of("lan4"))));
  }

  @Test
  void aWirelessNetworkOfTheOldDialectIsSkippedWithItsMembersLinks() {
    Imported i = imported("nmf-wireless.xml");
    assertEquals(List.of("link n1:eth0 - wlan1", "link n2:eth0 - wlan1", "wlan1"),
        i.skipped().stream().map(Skipped::what).toList());
  }

  @Test
  void theControlNetAndUnknownNetworkTypesAreSkippedAndContainerDevicesNamedInTheWarning() {
    Imported i = imported("more-types.xml");
    assertEquals(List.of(new Skipped("link ctrl0net - pr1:ctrl0", "CORE link", "ends on ctrl0net, which is skipped"),
        new Skipped("link odd1 - web:eth1", "CORE link", "ends on odd1, which is skipped"),
        new Skipped("ctrl0net", "CORE CTRL_NET", "CORE's control network between the host and every node; not part"
            + " of the lab"),
        new Skipped("odd1", "CORE DOCKER_BRIDGE", "not a network type Patchbay knows how to draw")), i.skipped());
    assertTrue(warned(i, "pr1 (prouter), web (PC, docker container of image nginx:1.25) as network namespaces"),
        i.warnings().toString());
    Topology t = i.topology();
    assertEquals(List.of(nic("nic0", "00:00:00:aa:00:61", "10.0.7.2/24")), element(t, "web", Guest.class).nics());
    element(t, "ptp-pr1-web", VdeSwitch.class);
  }

  @Test
  void aTunnelAndAnEmaneNetworkOfTheOldDialectAreSkippedWithTheirMembersLinks() {
    Imported i = imported("nmf-tunnel-emane.xml");
    assertEquals(List.of("link n1:eth0 - tun1 (CORE link)", "link n1:eth1 - emane1 (CORE link)",
        "tun1 (CORE tunnel)", "emane1 (CORE emane_rfpipe)"), i.skipped().stream().map(s -> s.what() + " (" + s.kind() + ")").toList());
    assertTrue(element(i.topology(), "n1", Guest.class).nics().isEmpty());
  }

  @Test
  void badMacsAndAddressesAreLeftOutAndOutlandishPositionsLaidOut() {
    Imported i = imported("odd-values.xml");
    Topology t = i.topology();
    // the bad MACs are left out and each NIC gets one of its own, as CORE itself would make one
    assertEquals(List.of(nic("nic0", "52:54:00:01:00:01", null), nic("nic1", "52:54:00:01:00:02", null)),
        element(t, "n1", Guest.class).nics());
    for (String w : List.of("MAC 'ff:ff:ff:ff:ff:ff' is not a unicast", "MAC 'zz'", "IPv4 '10.0.0.999/24'",
        "IPv4 '10.0.0.0/24' is not a host address", "'sw 1' became switch 'sw_1'")) {
      assertTrue(warned(i, w), w + " in " + i.warnings());
    }
    Point p = t.position("sw_1").orElseThrow();
    assertTrue(Math.abs(p.x()) < 10_000 && Math.abs(p.y()) < 10_000, "laid out instead: " + p);
  }

  @ParameterizedTest
  @ValueSource(strings = {"switch-hub.xml", "nmf-switch-hub.xml", "ptp-core6.xml", "more-types.xml", "rj45.xml",
      "nmf-ptp-rj45.xml"})
  void aSoundScenarioChecksWithoutErrors(String fixture) {
    assertEquals(List.of(), ImportFixtures.errors(imported(fixture).topology()));
  }

  @Test
  void everyImportSavesAsAPatchbayFile() throws Exception {
    for (String f : List.of("switch-hub.xml", "ptp-core6.xml", "rj45.xml", "wireless.xml", "nmf-switch-hub.xml",
        "nmf-ptp-rj45.xml", "nmf-wireless.xml")) {
      Topology t = imported(f).topology();
      Topology back = ImportFixtures.roundTrip(t);
      assertEquals(wires(t), wires(back), f);
      t.elements().forEach(e -> assertTrue(t.position(e.id()).isPresent(), f + ": " + e.id() + " has no position"));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "broken-link.xml | broken-link.xml: link 1: names node '42', which the scenario does not define",
      "broken-no-id.xml | broken-no-id.xml: a <device> 'n1' has no id",
      "broken-empty.xml | broken-empty.xml: a <scenario> with neither",
      "broken-duplicate-id.xml | broken-duplicate-id.xml: node id '1' is used twice in the scenario",
      "broken-unclosed.xml | broken-unclosed.xml: line 5, column "})
  void brokenFilesAreRefusedNamingFileAndPlace(String fixture, String message) {
    ImportException e = assertThrows(ImportException.class, () -> imported(fixture));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void aScenarioIsOneFile() {
    ImportException e = assertThrows(ImportException.class, () -> Importers.read(List.of(file("core",
        "switch-hub.xml"), file("core", "rj45.xml")), "core"));
    assertEquals("a CORE scenario is one file; 2 were given", e.getMessage());
  }

  @Test
  void anotherRootIsRefusedWhenCoreIsForced() {
    ImportException e = assertThrows(ImportException.class,
        () -> Importers.read(List.of(SourceFile.of("d.xml", "<domain type='kvm'/>")), "core"));
    assertEquals("d.xml: the root element is <domain>; expected <scenario> (a CORE scenario saved as XML)",
        e.getMessage());
  }
}
