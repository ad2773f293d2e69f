package dev.patchbay.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.importer.AutoLayout;
import dev.patchbay.model.layout.Geometry.Port;
import dev.patchbay.model.layout.Geometry.Side;
import dev.patchbay.model.layout.LayeredLayout.Arrangement;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The automatic layout's promises, checked as the canvas would draw the result. */
class LayeredLayoutTest {
  private static final double NEAR = 0.01;

  static Stream<Path> samples() {
    return Samples.all().stream();
  }

  @ParameterizedTest
  @ValueSource(ints = {TopologyGenerator.MINIMUM, 60, 200, 500})
  void generatedDesignsLayOutWithNoOverlapsAndTheHostTogether(int size) {
    Topology t = TopologyGenerator.generate(size, 7);
    AutoLayout.apply(t);
    assertLaidOutWell(t);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleLaidOutFromScratchHasNoOverlapsAndTheHostTogether(Path sample) throws Exception {
    Topology t = fromScratch(TopologyFiles.load(sample));
    AutoLayout.apply(t);
    assertLaidOutWell(t);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyWireOfASampleEndsOnItsPortsAndLeavesOnTheirSide(Path sample) throws Exception {
    Topology t = TopologyFiles.load(sample);
    assertWiresOnPorts(t, LayeredLayout.of(t));
  }

  @ParameterizedTest
  @ValueSource(ints = {60, 300})
  void everyWireOfAGeneratedDesignEndsOnItsPortsAndLeavesOnTheirSide(int size) {
    Topology t = TopologyGenerator.generate(size, 11);
    assertWiresOnPorts(t, LayeredLayout.of(t));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void guestsSitRightOfWhatTheirNicsAreWiredTo(Path sample) throws Exception {
    Topology t = TopologyFiles.load(sample);
    AutoLayout.apply(t);
    List<String> wrong = new ArrayList<>();
    for (Link l : t.links()) {
      for (Endpoint[] ends : new Endpoint[][] {{l.a(), l.b()}, {l.b(), l.a()}}) {
        Element guest = t.element(ends[0].element()).orElseThrow();
        Element other = t.element(ends[1].element()).orElseThrow();
        boolean firstSide = other instanceof Socket s && s.transport().pointToPoint()
            && s.sides().indexOf(ends[1].port()) == 0;
        if (guest instanceof Guest && !firstSide && x(t, other) + Geometry.width(other) > x(t, guest)) {
          wrong.add(l.id() + ": " + other.id() + " is not left of " + guest.id());
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void theSameDesignLaysOutTheSameWayEachTime() {
    Topology a = TopologyGenerator.generate(120, 3);
    Topology b = TopologyGenerator.generate(120, 3);
    assertEquals(LayeredLayout.of(a).positions(), LayeredLayout.of(b).positions());
  }

  @Test
  void aLongHostSummaryGetsRoomAboveTheHostInterfaces() {
    Topology t = TopologyGenerator.generate(500, 5); // one NAT rule per segment: a title of many lines
    assertTrue(Geometry.hostHeader(t.host(), 400) > 100, "the summary should wrap to several lines");
    AutoLayout.apply(t);
    assertEquals(List.of(), LayoutChecks.hostBoxIntruders(t));
  }

  @ParameterizedTest
  @ValueSource(ints = {TopologyGenerator.MINIMUM, 150})
  void theGridForWhenElkFailsOverlapsNothingAndKeepsTheHostTogether(int size) {
    Topology t = TopologyGenerator.generate(size, 13);
    ElkGraph.build(t, id -> true).grid().positions().forEach(t::move);
    assertLaidOutWell(t);
  }

  /** The design with no positions at all. */
  static Topology fromScratch(Topology t) {
    Topology bare = new Topology(t.name(), t.description(), t.seed());
    bare.setHost(t.host());
    t.elements().forEach(e -> bare.add(e, null));
    t.links().forEach(bare::connect);
    return bare;
  }

  static void assertLaidOutWell(Topology t) {
    assertEquals(t.elements().size(), t.layout().size(), "every element placed");
    assertEquals(List.of(), LayoutChecks.overlaps(t));
    assertEquals(List.of(), LayoutChecks.hostBoxIntruders(t));
    assertEquals(List.of(), LayoutChecks.bridgeBoxIntruders(t));
  }

  private static double x(Topology t, Element e) {
    return t.position(e.id()).orElseThrow().x();
  }

  /**
   * Each route starts on its link's first end and stops on its second, each at the port the
   * designer draws there (a device's left or right edge where it names none), and leaves that
   * port outward: left from a port on a box's left edge, right from one on its right edge.
   */
  static void assertWiresOnPorts(Topology t, Arrangement a) {
    List<String> wrong = new ArrayList<>();
    for (Link l : t.links()) {
      List<Point> route = a.wires().get(l.id());
      if (route == null || route.size() < 2) {
        wrong.add(l.id() + " has no route");
        continue;
      }
      checkEnd(t, a, l.id(), l.a(), route.get(0), route.get(1), wrong);
      checkEnd(t, a, l.id(), l.b(), route.get(route.size() - 1), route.get(route.size() - 2), wrong);
    }
    assertEquals(List.of(), wrong);
  }

  private static void checkEnd(Topology t, Arrangement a, String link, Endpoint end, Point at, Point next,
      List<String> wrong) {
    Element e = t.element(end.element()).orElseThrow();
    Point p = a.positions().get(e.id());
    Port named = Geometry.namedPort(e, end);
    List<Port> allowed = named != null ? List.of(named) : List.of(Geometry.west(e), Geometry.east(e));
    for (Port port : allowed) {
      boolean on = Math.abs(p.x() + port.x() - at.x()) < NEAR && Math.abs(p.y() + port.y() - at.y()) < NEAR;
      boolean outward = port.side() == Side.WEST ? next.x() < at.x() - NEAR : next.x() > at.x() + NEAR;
      if (on && outward) {
        return;
      }
    }
    wrong.add(link + " at " + end + ": ends at " + at + " heading to " + next + ", box at " + p);
  }
}
