package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --width: respected when the topology allows it, else a note saying what width it took. */
class TextDiagramWidthTest {
  private static Topology sample(String name) {
    return Samples.load(Samples.dir().resolve(name + ".json"));
  }

  @Test
  void aNarrowerWidthSqueezesTheColumnsTogether() {
    Topology t = sample("socket-listen-connect");
    String wide = TextDiagram.render(t, Charset.ASCII, 200);
    String narrow = TextDiagram.render(t, Charset.ASCII, 95);
    assertTrue(TextDiagram.widest(wide) > 95, wide);
    assertTrue(TextDiagram.widest(narrow) <= 95, narrow);
    assertFalse(narrow.contains("(note:"), narrow);
  }

  @Test
  void partsNotLinkedToTheHostMoveUnderItWhenSideBySideIsTooWide() {
    Topology t = sample("user-on-hub");
    String text = TextDiagram.render(t, Charset.ASCII, 100);
    assertTrue(TextDiagram.widest(text) <= 100, text);
    int hostBottom = text.lines().toList().indexOf(text.lines().filter(l -> l.contains("| HOST")).findFirst().get());
    int guestTitle = text.lines().toList().indexOf(text.lines().filter(l -> l.contains("| guest ")).findFirst().get());
    assertTrue(guestTitle > hostBottom, text);
  }

  @Test
  void aWidthNoLayoutMeetsGivesANoteWithTheWidthUsedThatItselfFits() {
    String text = TextDiagram.render(sample("nat-bridge"), Charset.ASCII, 40);
    int used = TextDiagram.widest(TextDiagram.body(text));
    List<String> under = text.lines().skip(TextDiagram.body(text).lines().count()).toList();
    assertEquals("(note: this diagram needs " + used + " columns and does not fit in --width 40)",
        String.join("", under).replace("  ", " "));
    assertTrue(under.size() > 1, text);
    under.forEach(l -> assertTrue(l.length() <= 40, l));
  }

  /** A name of 233 characters is cut in its box and given whole in a footnote: the width holds. */
  @Test
  void aLongNameIsCutAndFootnotedSoTheWidthHolds() {
    Topology t = HardDesigns.guestsOnAHub(HardDesigns.LONG, "short");
    for (int width : new int[] {60, 80, 100, 160}) {
      String text = TextDiagram.render(t, Charset.ASCII, width);
      assertTrue(TextDiagram.widest(text) <= width, text);
      assertFalse(text.contains("does not fit"), text);
      assertTrue(text.contains("~1 |") && text.contains("(~1 = a-guest-whose-name"), text);
      String footnote = text.substring(text.indexOf("(~1 = ")).replace("\n ", "");
      assertTrue(footnote.startsWith("(~1 = " + HardDesigns.LONG + ")"), footnote);
    }
  }
}
