package dev.patchbay.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Notes in the SVG export: boxes of wrapped text where the canvas draws them, the import's one as a warning. */
class SvgNotesTest {
  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> groups(Document d, String cls) {
    NodeList n = d.getElementsByTagNameNS("*", "g");
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < n.getLength(); i++) {
      Element g = (Element) n.item(i);
      if (g.getAttribute("class").equals(cls)) {
        out.add(g);
      }
    }
    return out;
  }

  private static List<String> texts(Element g) {
    NodeList n = g.getElementsByTagNameNS("*", "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.getLength(); i++) {
      out.add(n.item(i).getTextContent());
    }
    return out;
  }

  private static Topology oneHub() {
    Topology t = new Topology("notes", "", null);
    t.add(new Hub("h1", "hub1", 0), new Point(200, 200));
    return t;
  }

  @Test
  void aNoteIsABoxOfItsTextWrappedToTheCanvasWidth() throws Exception {
    Topology t = oneHub();
    t.putNote(new Note("n1", "the uplink is this lab's only way out to the internet\nsecond line", 300, 100));
    Element g = groups(parse(SvgExport.render(t)), "note").get(0);
    List<String> lines = texts(g);
    assertEquals(List.of("the uplink is this lab's only way", "out to the internet", "second line"), lines);
    Element rect = (Element) g.getElementsByTagNameNS("*", "rect").item(0);
    assertEquals("240", rect.getAttribute("width"));
    assertEquals("#fff8c4", rect.getAttribute("fill"));
  }

  @Test
  void theImportsNoteIsAWarningWithABoldTitle() throws Exception {
    Topology t = oneHub();
    t.putNote(new Note(Importers.NOTE_ID, "Not imported from the GNS3 project:\n- R1 (dynamips)", 0, 0));
    Element g = groups(parse(SvgExport.render(t)), "note not-imported").get(0);
    assertEquals(List.of("Not imported from the GNS3 project:", "- R1 (dynamips)"), texts(g));
    NodeList lines = g.getElementsByTagNameNS("*", "text");
    assertEquals("bold", ((Element) lines.item(0)).getAttribute("font-weight"), "the title");
    assertEquals("", ((Element) lines.item(1)).getAttribute("font-weight"), "what was skipped");
    assertEquals("420", ((Element) g.getElementsByTagNameNS("*", "rect").item(0)).getAttribute("width"),
        "wider than other notes: its lines are long");
    assertEquals("#e09b00", ((Element) g.getElementsByTagNameNS("*", "rect").item(0)).getAttribute("stroke"));
  }

  @Test
  void markupControlCharactersAndEndlessWordsFromAForeignFileStayWellFormedText() throws Exception {
    Topology t = oneHub();
    String word = "x".repeat(80);
    t.putNote(new Note("n1", "<b>&amp;\u0001\u0007\"q\"\r\n" + word, 0, 0));
    Element g = groups(parse(SvgExport.render(t)), "note").get(0);
    assertEquals(List.of("<b>&amp;  \"q\"", "x".repeat(33), "x".repeat(33), "x".repeat(14)), texts(g));
  }

  @Test
  void aVeryLongNoteShowsItsStart() throws Exception {
    Topology t = oneHub();
    t.putNote(new Note("n1", "line\n".repeat(500), 0, 0));
    List<String> lines = texts(groups(parse(SvgExport.render(t)), "note").get(0));
    assertEquals(SvgNotes.MAX_LINES, lines.size());
    assertTrue(lines.get(lines.size() - 1).endsWith("…"));
  }

  @Test
  void thePictureGrowsToHoldANoteOutsideTheElements() throws Exception {
    Topology t = oneHub();
    String without = SvgExport.render(t);
    t.putNote(new Note("n1", "far away", -600, -400));
    Element svg = parse(SvgExport.render(t)).getDocumentElement();
    int widthBefore = Integer.parseInt(parse(without).getDocumentElement().getAttribute("width"));
    assertTrue(Integer.parseInt(svg.getAttribute("width")) > widthBefore + 600);
    Element rect = (Element) groups(parse(SvgExport.render(t)), "note").get(0).getElementsByTagNameNS("*", "rect").item(0);
    assertEquals(SvgExport.MARGIN, Double.parseDouble(rect.getAttribute("x")) + translateX(svg), 0.01,
        "the note is the leftmost thing drawn, one margin in");
  }

  private static double translateX(Element svg) {
    Element g = (Element) svg.getElementsByTagNameNS("*", "g").item(0);
    String tr = g.getAttribute("transform");
    return Double.parseDouble(tr.substring("translate(".length(), tr.indexOf(' ')));
  }

  @Test
  void notesAloneMakeAPicture() throws Exception {
    Topology t = new Topology("only a note", "", null);
    t.putNote(new Note("n1", "to do: everything", 100, 100));
    Element svg = parse(SvgExport.render(t)).getDocumentElement();
    assertTrue(Integer.parseInt(svg.getAttribute("width")) >= 240);
  }
}
