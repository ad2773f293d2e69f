package dev.patchbay.model.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.net.InterfaceName;
import dev.patchbay.model.net.ProcessName;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class QemuScriptImporterTest {
  static SourceFile fixture(String name) {
    try (InputStream in = QemuScriptImporterTest.class.getResourceAsStream("/imports/qemu/" + name)) {
      return new SourceFile(name, in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Imported read(String... names) {
    return Importers.read(java.util.Arrays.stream(names).map(QemuScriptImporterTest::fixture).toList(), null);
  }

  @Test
  void aStartScriptIsDetectedByItsQemuLines() {
    assertEquals("qemu", Importers.detect(fixture("socket-pair.sh")).orElseThrow().id());
    assertTrue(Importers.detect(fixture("no-qemu.sh")).isEmpty());
    assertTrue(Importers.detect(new SourceFile("x.bin", new byte[] {0, 1, 2, 'q', 'e', 'm', 'u'})).isEmpty());
    assertTrue(Importers.detect(SourceFile.of("lab.json", "{\"format\": \"patchbay-topology\"}")).isEmpty());
  }

  @Test
  void socketListenAndConnectInOneScriptBecomeOneSocketWiredToBothGuests() {
    Imported i = read("socket-pair.sh");
    Topology t = i.topology();
    assertEquals(List.of("alpha", "beta"), t.elementsOf(Guest.class).map(Guest::name).toList());
    List<Socket> sockets = t.elementsOf(Socket.class).toList();
    assertEquals(1, sockets.size());
    assertEquals(8010, sockets.get(0).port());
    assertEquals(2, t.linksOf(sockets.get(0).id()).size());
    Guest beta = (Guest) t.element("beta").orElseThrow();
    assertEquals("52:54:00:12:34:02", beta.nics().get(0).mac());
  }

  @Test
  void otherShellCommandsAreNamedInTheNoteNotDropped() {
    Imported i = read("socket-pair.sh");
    assertEquals(2, i.skipped().size(), i.skipped().toString());
    assertTrue(i.skipped().get(0).line().contains("set -e"), i.skipped().toString());
    String note = i.topology().note(Importers.NOTE_ID).orElseThrow().text();
    assertTrue(note.contains("ip link show"), note);
  }

  @Test
  void tapsUserNetsAndHubsMapAsTheCommandLinesSay() {
    Topology t = read("tap-and-user.sh").topology();
    assertEquals("tap-web", t.elementsOf(Tap.class).findFirst().orElseThrow().name());
    UserNet u = t.elementsOf(UserNet.class).findFirst().orElseThrow();
    assertEquals(2222, u.hostfwd().get(0).hostPort());
    assertTrue(t.elementsOf(Guest.class).anyMatch(g -> g.name().equals("shell_box")));

    Topology hub = read("hub-vlan.sh").topology();
    Hub h = hub.elementsOf(Hub.class).findFirst().orElseThrow();
    assertEquals(1, h.hubId());
    assertEquals(3, hub.linksOf(h.id()).size());
  }

  @Test
  void severalFilesAreOneLab() {
    Topology t = read("mcast-a.sh", "mcast-b.sh").topology();
    assertEquals(2, t.elementsOf(Guest.class).count());
    Socket bus = t.elementsOf(Socket.class).findFirst().orElseThrow();
    assertEquals(Socket.Transport.MCAST, bus.transport());
    assertEquals(2, t.linksOf(bus.id()).size());
  }

  @Test
  void foreignNamesAreCleanedUniqueAndReported() {
    Imported i = read("hostile-names.sh");
    List<Guest> guests = i.topology().elementsOf(Guest.class).toList();
    assertEquals(2, guests.size());
    guests.forEach(g -> assertTrue(ProcessName.problem(g.name()).isEmpty(), g.name()));
    assertFalse(guests.get(0).name().equals(guests.get(1).name()));
    Tap tap = i.topology().elementsOf(Tap.class).findFirst().orElseThrow();
    assertTrue(InterfaceName.problem(tap.name()).isEmpty(), tap.name());
    assertEquals(1, i.topology().elementsOf(Tap.class).count(), "one ifname is one tap in both lines");
    assertTrue(i.warnings().stream().anyMatch(w -> w.contains("interface name")), i.warnings().toString());
  }

  @Test
  void everyImportSavesAndLoadsAsAPatchbayFile() throws Exception {
    for (String f : List.of("socket-pair.sh", "tap-and-user.sh", "hub-vlan.sh", "hostile-names.sh")) {
      Topology t = read(f).topology();
      Topology again = TopologyFiles.parse(TopologyFiles.toJson(t), f);
      assertEquals(TopologyFiles.toJson(t), TopologyFiles.toJson(again), f);
      assertTrue(t.elements().stream().allMatch(e -> t.position(e.id()).isPresent()), f + " is laid out");
      assertTrue(StandardRules.validator().check(again).stream().noneMatch(d -> d.rule().startsWith("wiring")), f);
    }
  }

  @Test
  void backendsPatchbayDoesNotDrawAreNamedAndTheRestOfTheGuestImports() {
    Imported i = read("undrawn-backends.sh");
    Guest g = i.topology().elementsOf(Guest.class).findFirst().orElseThrow();
    assertEquals(1, g.nics().size(), "only the NIC on the user net");
    assertEquals(1, i.topology().elementsOf(UserNet.class).count());
    List<String> lines = i.skipped().stream().map(Skipped::line).toList();
    assertEquals(5, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("fast: -netdev vhost-user,id=vh0") && lines.get(0).contains("(vhost-user network)"),
        lines.get(0));
    assertTrue(lines.get(1).contains("-device virtio-net-pci,netdev=vh0 (NIC)"), lines.get(1));
    assertTrue(lines.stream().anyMatch(l -> l.contains("(l2tpv3 network)")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("-nic bridge,br=br0 (bridge network)")), lines.toString());
    assertTrue(i.topology().note(Importers.NOTE_ID).orElseThrow().text().contains("vhost-user"));

    Imported only = Importers.read(List.of(SourceFile.of("b.sh", "qemu-system-x86_64 -name b -nic bridge,br=br0 b.img")), null);
    Guest b = only.topology().elementsOf(Guest.class).findFirst().orElseThrow();
    assertEquals(List.of(), b.nics(), "no NIC, and not QEMU's default user net either");
    assertEquals(0, only.topology().elementsOf(UserNet.class).count());
  }

  @Test
  void badInputNamesTheFileAndThePlace() {
    ImportException mac = assertThrows(ImportException.class, () -> read("bad-mac.sh"));
    assertTrue(mac.getMessage().startsWith("bad-mac.sh: command line 1"), mac.getMessage());
    assertTrue(mac.getMessage().contains("not a MAC address"), mac.getMessage());
    ImportException quote = assertThrows(ImportException.class, () -> read("unclosed-quote.sh"));
    assertTrue(quote.getMessage().startsWith("unclosed-quote.sh: "), quote.getMessage());
    ImportException none = assertThrows(ImportException.class,
        () -> Importers.read(List.of(fixture("no-qemu.sh")), "qemu"));
    assertTrue(none.getMessage().contains("no QEMU command line"), none.getMessage());
  }

  @Test
  void anUnknownFormatOrFileIsRefusedInWords() {
    ImportException from = assertThrows(ImportException.class,
        () -> Importers.read(List.of(fixture("socket-pair.sh")), "visio"));
    assertTrue(from.getMessage().contains("unknown format 'visio'"), from.getMessage());
    ImportException what = assertThrows(ImportException.class, () -> read("no-qemu.sh"));
    assertTrue(what.getMessage().startsWith("no-qemu.sh: not a format Patchbay imports"), what.getMessage());
  }
}
