package dev.patchbay.model.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** linksOf and linksAt answer from an index: it must follow every edit and keep the file's order. */
class TopologyLinkIndexTest {
  private final Topology t = new Topology();

  @BeforeEach
  void threeBridges() {
    for (String id : List.of("br0", "br1", "br2")) {
      t.add(new Bridge(id, id, null, false), null);
    }
  }

  private static Link link(String id, String a, String b) {
    return new Link(id, Endpoint.of(a), Endpoint.of(b));
  }

  private static List<String> ids(List<Link> links) {
    return links.stream().map(Link::id).toList();
  }

  @Test
  void linksOfListsEveryLinkTouchingTheElementInFileOrder() {
    t.connect(link("l0", "br0", "br1"));
    t.connect(link("l1", "br1", "br2"));
    t.connect(link("l2", "br2", "br0"));
    assertEquals(List.of("l0", "l2"), ids(t.linksOf("br0")));
    assertEquals(List.of("l0", "l1"), ids(t.linksOf("br1")));
  }

  @Test
  void aDisconnectedLinkIsNoLongerListed() {
    t.connect(link("l0", "br0", "br1"));
    t.connect(link("l1", "br0", "br2"));
    t.disconnect("l0");
    assertEquals(List.of("l1"), ids(t.linksOf("br0")));
    assertEquals(List.of(), ids(t.linksOf("br1")));
  }

  @Test
  void aLinkPutBackByUndoTakesItsOldPlaceInTheOrder() {
    t.connect(link("l0", "br0", "br1"));
    t.connect(link("l1", "br0", "br2"));
    Link first = t.disconnect("l0");
    t.insertLink(0, first);
    assertEquals(List.of("l0", "l1"), ids(t.linksOf("br0")));
    assertEquals(List.of("l0"), ids(t.linksAt(Endpoint.of("br1"))));
  }

  @Test
  void theListReturnedIsTheCallersOwnCopy() {
    t.connect(link("l0", "br0", "br1"));
    t.linksOf("br0").clear();
    assertEquals(List.of("l0"), ids(t.linksOf("br0")));
  }
}
