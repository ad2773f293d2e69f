package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names from a file may hold anything: the ASCII charset stays 7-bit and keeps names apart, tabs
 * and newlines never break a box, and Unicode counts a wide character as the two columns it takes.
 */
class TextDiagramCharsetTest {
  private static Topology named(String... guests) {
    Topology t = new Topology();
    t.add(new Hub("h", "vlan0", 0), null);
    for (int i = 0; i < guests.length; i++) {
      t.add(Guest.of("g" + i, guests[i], new Nic("nic0", null, null, IpConfig.dhcp())), null);
      t.connect(new Link("l" + i, Endpoint.of("g" + i, "nic0"), Endpoint.of("h")));
    }
    return t;
  }

  private static List<String> titles(String text) {
    return ParsedDiagram.parse(text).boxes.stream().map(ParsedDiagram.Rect::title).toList();
  }

  @Test
  void asciiWritesAccentedNamesWithoutTheirAccents() {
    String text = TextDiagram.render(named("Gäste-Büro", "Straße"), Charset.ASCII, 100);
    assertTrue(text.contains("| Gaste-Buro"), text);
    assertTrue(text.contains("| Strasse"), text);
    assertTrue(text.chars().allMatch(c -> c < 128), text);
  }

  @Test
  void asciiEscapesLettersItCannotSpellSoTwoSuchNamesStayApart() {
    Topology t = named("гость", "связь");
    String text = TextDiagram.render(t, Charset.ASCII, 100);
    assertTrue(text.chars().allMatch(c -> c < 128), text);
    assertTrue(titles(text).contains("\\u{433}\\u{43e}\\u{441}\\u{442}\\u{44c}"), text);
    DiagramChecker.assertSound(text, t, Charset.ASCII, 100);
  }

  @Test
  void namesThatAsciiWouldWriteAlikeAreEscapedInstead() {
    Topology t = named("Gäste", "Gaste");
    String text = TextDiagram.render(t, Charset.ASCII, 100);
    assertTrue(titles(text).containsAll(List.of("G\\u{e4}ste", "Gaste")), text);
    DiagramChecker.assertSound(text, t, Charset.ASCII, 100);
  }

  @Test
  void aTabOrNewlineInANameIsEscapedAndTheBoxStaysWhole() {
    for (Charset charset : Charset.values()) {
      Topology t = named("web\nserver", "db\tone");
      String text = TextDiagram.render(t, charset, 100);
      assertTrue(titles(text).containsAll(List.of("web\\nserver", "db\\tone")), text);
      DiagramChecker.assertSound(text, t, charset, 100);
    }
  }

  @Test
  void unicodeCountsAWideCharacterAsTwoColumns() {
    Topology t = named("サーバー", "网关");
    String text = TextDiagram.render(t, Charset.UNICODE, 100);
    assertTrue(titles(text).containsAll(List.of("サーバー", "网关")), text);
    DiagramChecker.assertSound(text, t, Charset.UNICODE, 100);
  }

  @Test
  void unicodeComposesCombiningMarksAndKeepsNamesAsWritten() {
    String text = TextDiagram.render(named("Ga\u0308ste"), Charset.UNICODE, 100);
    assertTrue(text.contains("│ Gäste"), text);
    assertEquals(java.util.Set.of("vlan0", "Gäste"), java.util.Set.copyOf(titles(text)));
  }

  @Test
  void theSameNamesInBothCharsetsEachStayDistinct() {
    Topology t = named("网关", "網關", "gw");
    for (Charset charset : Charset.values()) {
      List<String> titles = titles(TextDiagram.render(t, charset, 100));
      assertEquals(titles.size(), titles.stream().distinct().count(), titles.toString());
      assertNotEquals(titles.get(1), titles.get(2));
    }
  }
}
