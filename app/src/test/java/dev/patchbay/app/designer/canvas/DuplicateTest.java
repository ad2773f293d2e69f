package dev.patchbay.app.designer.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ctrl+D and Paste: copies beside their originals, named next in the originals' series. */
class DuplicateTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private final DocumentViewModel doc = new DocumentViewModel();
  private final CanvasViewModel vm = new CanvasViewModel(doc, new Random(3));

  @BeforeEach
  void open() throws Exception {
    doc.open(SAMPLE);
  }

  private Element duplicateOf(String id) {
    vm.selection().select(id);
    vm.duplicate();
    String copy = vm.selection().snapshot().iterator().next();
    return doc.topology().element(copy).orElseThrow();
  }

  private Bounds box(String id) {
    Topology t = doc.topology();
    Element e = t.element(id).orElseThrow();
    Point p = Positions.of(t, id);
    return new BoundingBox(p.x(), p.y(), NodeGeometry.width(e), NodeGeometry.height(e));
  }

  @Test
  void aCopyOfGuest1IsNamedGuest3WhenGuest2Exists() {
    assertEquals("GUEST3", duplicateOf("guest1").name());
  }

  @Test
  void theNextCopyTakesTheNextFreeNameInTheSeries() {
    duplicateOf("guest1");
    assertEquals("GUEST4", duplicateOf("guest1").name());
  }

  @Test
  void aCopyIsPlacedBesideItsOriginalNotOnIt() {
    Element copy = duplicateOf("guest1");
    assertFalse(box(copy.id()).intersects(box("guest1")), "copy " + box(copy.id()) + " on " + box("guest1"));
  }

  @Test
  void aSecondDuplicateOfTheSameElementDoesNotLandOnTheFirstCopy() {
    Element first = duplicateOf("guest1");
    Element second = duplicateOf("guest1");
    assertFalse(box(second.id()).intersects(box(first.id())));
    assertFalse(box(second.id()).intersects(box("guest1")));
  }

  @Test
  void aDuplicatedGroupOverlapsNothingAndKeepsItsArrangement() {
    vm.selection().selectAll(List.of("tap0", "guest1"));
    vm.duplicate();
    List<String> copies = List.copyOf(vm.selection().snapshot());
    assertEquals(2, copies.size());
    for (String c : copies) {
      for (Element other : doc.topology().elements()) {
        if (!other.id().equals(c)) {
          assertFalse(box(c).intersects(box(other.id())), c + " overlaps " + other.id());
        }
      }
    }
    String tapCopy = copies.stream().filter(id -> doc.topology().element(id).orElseThrow().kind() == ElementKind.TAP)
        .findFirst().orElseThrow();
    String guestCopy = copies.stream().filter(id -> !id.equals(tapCopy)).findFirst().orElseThrow();
    assertEquals(box("guest1").getMinX() - box("tap0").getMinX(), box(guestCopy).getMinX() - box(tapCopy).getMinX());
    assertEquals(box("guest1").getMinY() - box("tap0").getMinY(), box(guestCopy).getMinY() - box(tapCopy).getMinY());
  }

  @Test
  void pastedTwiceTheSecondCopyLandsBesideTheFirst() {
    vm.selection().select("br0");
    vm.copy();
    vm.paste();
    String first = vm.selection().snapshot().iterator().next();
    vm.paste();
    String second = vm.selection().snapshot().iterator().next();
    assertNotEquals(first, second);
    assertFalse(box(second).intersects(box(first)));
  }

  @ParameterizedTest
  @CsvSource({"GUEST1,GUEST2", "tap09,tap10", "router,router2", "eth0,eth1", "A,A2"})
  void namesFollowTheirSeries(String original, String copy) {
    assertEquals(copy, PasteBuilder.nextInSeries(original, new Topology()));
  }
}
