package dev.patchbay.model.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.patchbay.model.layout.Geometry;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Imported positions are kept, but never two boxes on one spot. */
class OverlapsTest {
  private static boolean overlap(Topology t, Element a, Element b) {
    Point p = t.position(a.id()).orElseThrow();
    Point q = t.position(b.id()).orElseThrow();
    return p.x() < q.x() + Geometry.width(b) && q.x() < p.x() + Geometry.width(a)
        && p.y() < q.y() + Geometry.height(b) && q.y() < p.y() + Geometry.height(a);
  }

  @Test
  void twoElementsOnOneSpotAreMovedApartAndTheFirstStays() {
    Topology t = new Topology();
    Tap tap = new Tap("tap-lab", "tap-lab", null, null);
    Bridge bridge = new Bridge("br-eth0", "br-eth0", null, false);
    t.add(tap, new Point(80, 300));
    t.add(bridge, new Point(80, 300));
    assertEquals(1, Overlaps.separate(t));
    assertEquals(new Point(80, 300), t.position("tap-lab").orElseThrow());
    assertEquals(80, t.position("br-eth0").orElseThrow().x(), "moved straight down, not sideways");
    assertFalse(overlap(t, tap, bridge));
  }

  @Test
  void aMovedBoxDoesNotLandOnAThird() {
    Topology t = new Topology();
    Tap a = new Tap("a1", "a1", null, null);
    Tap b = new Tap("b1", "b1", null, null);
    Guest g = Guest.of("g1", "g1");
    t.add(a, new Point(0, 0));
    t.add(g, new Point(0, Geometry.DEVICE_HEIGHT + Overlaps.GAP));
    t.add(b, new Point(10, 10));
    Overlaps.separate(t);
    for (List<Element> pair : List.of(List.<Element>of(a, b), List.<Element>of(a, g), List.<Element>of(g, b))) {
      assertFalse(overlap(t, pair.get(0), pair.get(1)), pair.toString());
    }
  }

  @Test
  void boxesApartAlreadyStayWhereTheFileHadThem() {
    Topology t = new Topology();
    t.add(new Tap("a1", "a1", null, null), new Point(0, 0));
    t.add(new Tap("b1", "b1", null, null), new Point(400, 0));
    assertEquals(0, Overlaps.separate(t));
    assertEquals(new Point(400, 0), t.position("b1").orElseThrow());
  }
}
