package dev.patchbay.model.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.layout.Geometry;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two entry points: everything laid out, or only what has no position yet. */
class AutoLayoutTest {

  /** Every other element keeps a position of its own, the rest has none. */
  private static Topology halfPlaced(int size) {
    Topology t = TopologyGenerator.generate(size, 9);
    AutoLayout.apply(t);
    Topology half = new Topology(t.name(), t.description(), t.seed());
    half.setHost(t.host());
    int i = 0;
    for (Element e : t.elements()) {
      half.add(e, i++ % 2 == 0 ? t.position(e.id()).orElseThrow().translate(7, 3) : null);
    }
    t.links().forEach(half::connect);
    return half;
  }

  @ParameterizedTest
  @ValueSource(ints = {TopologyGenerator.MINIMUM, 100, 400})
  void placeUnplacedNeverMovesAPlacedElementAndOverlapsNone(int size) {
    Topology t = halfPlaced(size);
    Map<String, Point> placed = new HashMap<>(t.layout());
    AutoLayout.placeUnplaced(t);
    placed.forEach((id, p) -> assertEquals(p, t.position(id).orElseThrow(), id + " moved"));
    assertEquals(t.elements().size(), t.layout().size(), "every element has a position");
    List<String> wrong = new ArrayList<>();
    for (Element n : t.elements()) {
      if (placed.containsKey(n.id())) {
        continue;
      }
      for (Element o : t.elements()) {
        if (o != n && overlap(t, n, o)) {
          wrong.add(n.id() + " overlaps " + o.id());
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @ParameterizedTest
  @ValueSource(ints = {TopologyGenerator.MINIMUM, 100})
  void placeUnplacedWithNothingPlacedIsTheWholeLayout(int size) {
    Topology a = TopologyGenerator.generate(size, 4);
    Topology b = TopologyGenerator.generate(size, 4);
    AutoLayout.placeUnplaced(a);
    AutoLayout.apply(b);
    assertEquals(b.layout(), a.layout());
    assertTrue(a.layout().values().stream().allMatch(p -> p.x() >= AutoLayout.MARGIN && p.y() >= AutoLayout.MARGIN));
  }

  @ParameterizedTest
  @ValueSource(ints = {TopologyGenerator.MINIMUM, 100})
  void placeUnplacedWithEverythingPlacedMovesNothing(int size) {
    Topology t = TopologyGenerator.generate(size, 4);
    t.elements().forEach(e -> t.move(e.id(), new Point(t.indexOf(e.id()) * 500.0, 0)));
    Map<String, Point> before = Map.copyOf(t.layout());
    AutoLayout.placeUnplaced(t);
    assertEquals(before, t.layout());
  }

  private static boolean overlap(Topology t, Element a, Element b) {
    Point p = t.position(a.id()).orElseThrow();
    Point q = t.position(b.id()).orElseThrow();
    return p.x() < q.x() + Geometry.width(b) && q.x() < p.x() + Geometry.width(a)
        && p.y() < q.y() + Geometry.height(b) && q.y() < p.y() + Geometry.height(a);
  }
}
