package dev.patchbay.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The draw.io export: well-formed mxfile XML, a vertex per element at its place, an edge per link, labels escaped. */
class DrawioExportTest {
  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> cells(Document d, String flag) {
    List<Element> out = new ArrayList<>();
    NodeList all = d.getElementsByTagName("mxCell");
    for (int i = 0; i < all.getLength(); i++) {
      Element c = (Element) all.item(i);
      if ("1".equals(c.getAttribute(flag))) {
        out.add(c);
      }
    }
    return out;
  }

  private static Element cell(Document d, String id) {
    NodeList all = d.getElementsByTagName("mxCell");
    for (int i = 0; i < all.getLength(); i++) {
      if (((Element) all.item(i)).getAttribute("id").equals(id)) {
        return (Element) all.item(i);
      }
    }
    throw new AssertionError("no cell " + id);
  }

  private static Element geometry(Element cell) {
    return (Element) cell.getElementsByTagName("mxGeometry").item(0);
  }

  static Stream<String> samples() throws Exception {
    try (Stream<Path> files = Files.list(samplesDir())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
    }
  }

  private static Path samplesDir() {
    String configured = System.getProperty("patchbay.samples");
    return configured != null ? Path.of(configured) : Path.of("..", "samples");
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleHasAVertexPerElementAndAnEdgePerLink(String sample) throws Exception {
    Topology t = TopologyFiles.load(samplesDir().resolve(sample));
    Document d = parse(DrawioExport.render(t));
    assertEquals("mxfile", d.getDocumentElement().getTagName());
    boolean hasHost = t.elements().stream().anyMatch(dev.patchbay.model.topology.Element::isHostInterface);
    assertEquals(t.elements().size() + t.notes().size() + (hasHost ? 1 : 0), cells(d, "vertex").size());
    assertEquals(t.links().size(), cells(d, "edge").size());
    for (Link l : t.links()) {
      Element edge = cell(d, "link-" + l.id());
      assertEquals("el-" + l.a().element(), edge.getAttribute("source"));
      assertEquals("el-" + l.b().element(), edge.getAttribute("target"));
    }
  }

  @Test
  void elementsSitWhereTheDesignerDrawsThemAndHostInterfacesInsideTheHost() throws Exception {
    Topology t = TopologyFiles.load(samplesDir().resolve("bridged-lan.json"));
    Document d = parse(DrawioExport.render(t));
    Element guest = cell(d, "el-guest1");
    Point p = t.position("guest1").orElseThrow();
    assertEquals(p.x() - 19, Double.parseDouble(geometry(guest).getAttribute("x")));
    assertEquals(p.y() - 19, Double.parseDouble(geometry(guest).getAttribute("y")));
    assertEquals("1", guest.getAttribute("parent"));
    assertTrue(guest.getAttribute("style").contains("patchbayKind=guest;"));
    Element tap = cell(d, "el-tap0");
    assertEquals("host", tap.getAttribute("parent"));
    Element host = geometry(cell(d, "host"));
    Point tp = t.position("tap0").orElseThrow();
    assertEquals(tp.x() - 19, Double.parseDouble(host.getAttribute("x")) + Double.parseDouble(geometry(tap).getAttribute("x")));
    assertTrue(cell(d, "host").getAttribute("style").contains("container=1"));
  }

  @Test
  void labelsWithMarkupCharactersAndLineBreaksRoundTrip() throws Exception {
    Topology t = new Topology("a <lab> & \"friends\"", "", null);
    t.add(new Guest("g1", "we<&\"'>b", "x86_64", "pc", 128, null, List.of(new Nic("nic0", null, null, null))),
        new Point(100, 100));
    t.add(new Tap("t1", "tap0", null, null), new Point(300, 100));
    t.connect(new Link("l1", Endpoint.of("g1", "nic0"), Endpoint.of("t1")));
    t.putNote(new Note("n1", "line one\nline <two> & \u001b", 40, 40));
    Document d = parse(DrawioExport.render(t));
    assertEquals("a <lab> & \"friends\"", ((Element) d.getElementsByTagName("diagram").item(0)).getAttribute("name"));
    assertEquals("we<&\"'>b", cell(d, "el-g1").getAttribute("value").lines().findFirst().orElseThrow());
    assertEquals("line one\nline <two> & \\e", cell(d, "note-n1").getAttribute("value"));
    assertEquals("nic0", cell(d, "link-l1").getAttribute("value"));
  }
}
