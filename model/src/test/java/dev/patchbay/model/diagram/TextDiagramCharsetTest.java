package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import org.junit.jupiter.api.Test;

/** The ASCII charset stays 7-bit even when names are not; Unicode keeps them as they are. */
class TextDiagramCharsetTest {
  private static Topology named(String guest) {
    Topology t = new Topology();
    t.add(new Hub("h", "vlan0", 0), null);
    t.add(Guest.of("g", guest, new Nic("nic0", null, null, IpConfig.dhcp())), null);
    t.connect(new Link("l", Endpoint.of("g", "nic0"), Endpoint.of("h")));
    return t;
  }

  @Test
  void asciiWritesAccentedNamesWithoutTheirAccents() {
    String text = TextDiagram.render(named("Gäste-Büro"), Charset.ASCII, 100);
    assertTrue(text.contains("| Gaste-Buro"), text);
    assertTrue(text.chars().allMatch(c -> c < 128), text);
  }

  @Test
  void asciiWritesOtherScriptsAsQuestionMarksOfTheSameWidth() {
    String text = TextDiagram.render(named("гость"), Charset.ASCII, 100);
    assertTrue(text.contains("| ?????"), text);
  }

  @Test
  void unicodeKeepsNamesAsWritten() {
    assertTrue(TextDiagram.render(named("Gäste"), Charset.UNICODE, 100).contains("│ Gäste"));
  }
}
