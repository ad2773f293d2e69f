package dev.patchbay.model.importer.gns3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.plan.Samples;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** import -> export --format gns3 -> import keeps guests, NICs, MACs, switches and hubs, links and positions. */
class Gns3RoundTripTest {
  private static Topology again(Topology t) {
    return Importers.read(List.of(SourceFile.of("exported.gns3", Gns3Export.render(t))), "gns3").topology();
  }

  static Stream<String> fixtures() {
    return Gns3Fixtures.PROJECTS.stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyFixtureComesBackTheSame(String fixture) {
    Topology first = Gns3Fixtures.topology(fixture);
    Topology second = again(first);
    assertEquals(guests(first), guests(second));
    assertEquals(switches(first), switches(second));
    assertEquals(wires(first), wires(second));
    assertSamePlaces(first, second);
  }

  /** Samples that hold only what GNS3 can: no user net (it comes back as libvirt's NAT bridge), no multicast bus. */
  static Stream<String> expressibleSamples() {
    return Samples.names().filter(n -> expressible(Samples.load(n)));
  }

  private static boolean expressible(Topology t) {
    return t.elements().stream().noneMatch(e -> e.kind() == ElementKind.USER
        || e instanceof Socket s && (!s.transport().pointToPoint()
            || t.linksOf(s.id()).stream().anyMatch(l -> l.other(s.id()).port() == null)));
  }

  @ParameterizedTest
  @MethodSource("expressibleSamples")
  void expressibleSamplesComeBackTheSame(String sample) {
    Topology first = Samples.load(sample);
    Topology second = again(first);
    assertEquals(guests(first), guests(second));
    assertEquals(switches(first), switches(second));
    assertEquals(wires(first), wires(second));
    assertSamePlaces(first, second);
  }

  static Stream<String> samples() {
    return Samples.names();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySamplesGuestsNicsAndMacsSurvive(String sample) {
    Topology first = Samples.load(sample);
    assertEquals(guests(first), guests(again(first)));
  }

  @Test
  void theExpressibleSamplesAreMoreThanAToken() {
    assertTrue(expressibleSamples().count() >= 5, expressibleSamples().toList().toString());
  }

  @Test
  void exportsAreReproducibleAndLookLikeGns3TwoTwo() throws Exception {
    Topology t = Samples.load("bridged-lan.json");
    String text = Gns3Export.render(t);
    assertEquals(text, Gns3Export.render(Samples.load("bridged-lan.json")));
    JsonNode root = new ObjectMapper().readTree(text);
    assertEquals(9, root.get("revision").asInt());
    assertTrue(root.get("version").asText().startsWith("2.2."));
    assertTrue(root.get("project_id").asText().matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"));
    JsonNode guest = null;
    for (JsonNode n : root.at("/topology/nodes")) {
      guest = n.get("name").asText().equals("GUEST1") ? n : guest;
    }
    assertEquals("qemu", guest.get("node_type").asText());
    assertEquals(128, guest.at("/properties/ram").asInt());
    assertEquals("52:54:00:00:00:11", guest.at("/properties/mac_address").asText());
    String drawings = root.at("/topology/drawings").toString();
    assertTrue(drawings.contains("GUEST1 nic0: address 10.0.0.11/8"), drawings);
    assertTrue(drawings.contains("uplink eth0 is enslaved to bridge br0"), drawings);
  }

  // ---- what is compared --------------------------------------------------------------------------

  /** Guests by name: arch, machine, memory, disk and each NIC's name, model and MAC (not its address: GNS3 has none). */
  private static List<String> guests(Topology t) {
    return t.elementsOf(Guest.class).map(g -> g.name() + " " + g.arch() + " " + g.machine() + " " + g.memoryMiB()
        + " " + g.disk() + " " + g.nics().stream().map(n -> n.name() + "/" + n.model() + "/" + n.mac()).toList())
        .sorted().toList();
  }

  /** Hubs and VDE switches by name, and whether they flood (GNS3 has one hub, a QEMU hub comes back as a VDE hub). */
  private static List<String> switches(Topology t) {
    return t.elements().stream().filter(e -> e.kind() == ElementKind.HUB || e.kind() == ElementKind.VDE)
        .map(e -> e.name() + (e instanceof VdeSwitch v && !v.hubMode() ? " switches" : " floods")).sorted().toList();
  }

  /** Links with an end on a guest or a hub or switch, by names: these are GNS3's links. */
  private static List<String> wires(Topology t) {
    return t.links().stream().filter(l -> onGuestOrSwitch(t, l.a()) || onGuestOrSwitch(t, l.b()))
        .map(l -> {
          String a = end(t, l.a());
          String b = end(t, l.b());
          return a.compareTo(b) < 0 ? a + " = " + b : b + " = " + a;
        }).sorted().toList();
  }

  private static boolean onGuestOrSwitch(Topology t, Endpoint e) {
    ElementKind k = t.element(e.element()).orElseThrow().kind();
    return k == ElementKind.GUEST || k == ElementKind.HUB || k == ElementKind.VDE;
  }

  private static String end(Topology t, Endpoint e) {
    Element el = t.element(e.element()).orElseThrow();
    return el.kind() == ElementKind.SOCKET ? "socket:" + e.port() : el.name() + (e.port() == null ? "" : ":" + e.port());
  }

  /** Guests and switches keep their places relative to each other (an import moves the whole scene). */
  private static void assertSamePlaces(Topology first, Topology second) {
    Set<String> deltas = new HashSet<>();
    for (Element e : first.elements()) {
      if (!onGuestOrSwitch(first, Endpoint.of(e.id()))) {
        continue;
      }
      Point a = first.position(e.id()).orElseThrow();
      Element twin = second.elements().stream().filter(x -> x.name().equals(e.name())).findFirst().orElseThrow();
      Point b = second.position(twin.id()).orElseThrow();
      deltas.add(Math.round(b.x() - a.x()) + "," + Math.round(b.y() - a.y()));
    }
    assertTrue(deltas.size() <= 1, "moved apart: " + deltas);
  }

}
