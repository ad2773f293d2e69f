package dev.patchbay.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Topology;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The SVG export: well-formed XML, every element named, the canvas icons, the saved layout. */
class SvgExportTest {
  static Stream<Named<Topology>> topologies() throws Exception {
    List<Named<Topology>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(samples())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        out.add(Named.of(f.getFileName().toString(), TopologyFiles.load(f)));
      }
    }
    out.add(Named.of("generated 60 elements (no layout)", TopologyGenerator.generate(60, 42)));
    return out.stream();
  }

  private static Path samples() {
    String p = System.getProperty("patchbay.samples");
    return p != null ? Path.of(p) : Path.of("..", "samples");
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> texts(Document d) {
    NodeList n = d.getElementsByTagNameNS("*", "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.getLength(); i++) {
      out.add(n.item(i).getTextContent());
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void isWellFormedSvgNamingEveryElement(Topology t) throws Exception {
    Document d = parse(SvgExport.render(t));
    assertEquals("svg", d.getDocumentElement().getLocalName());
    List<String> texts = texts(d);
    for (Element e : t.elements()) {
      assertTrue(texts.contains(e.name()), e.name());
    }
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void drawsEachElementWithTheCanvasIconOfItsKind(Topology t) throws Exception {
    Document d = parse(SvgExport.render(t));
    NodeList paths = d.getElementsByTagNameNS("*", "path");
    Set<String> outlines = new HashSet<>();
    for (int i = 0; i < paths.getLength(); i++) {
      outlines.add(((org.w3c.dom.Element) paths.item(i)).getAttribute("d"));
    }
    for (Element e : t.elements()) {
      assertTrue(outlines.contains(SvgIcons.of(e.kind()).d()), e.kind() + " icon missing");
    }
    assertEquals(t.elements().size(), paths.getLength());
  }

  @Test
  void namesWithMarkupCharactersStayText() throws Exception {
    Topology t = new Topology("a <lab> & \"friends\"", "", null);
    t.add(new dev.patchbay.model.topology.Hub("h&1", "<hub> & \"co\"", 0), null);
    Document d = parse(SvgExport.render(t));
    assertTrue(texts(d).contains("<hub> & \"co\""), texts(d).toString());
  }

  @Test
  void theHostFrameSaysWhatTheHostDoes() throws Exception {
    Topology t = TopologyFiles.load(samples().resolve("nat-bridge.json"));
    List<String> texts = texts(parse(SvgExport.render(t)));
    assertTrue(texts.containsAll(List.of("HOST", "ip_forward on", "NAT 192.168.0.0/24 out eth0")), texts.toString());
  }

  @Test
  void iconsComeFromTheAssetsOnTheClassPath() throws Exception {
    String asset = Files.readString(Path.of("..", "assets", "icons", "hub.svg"));
    assertTrue(asset.contains("d=\"" + SvgIcons.of(dev.patchbay.model.topology.ElementKind.HUB).d() + "\""));
  }

  @Test
  void usesTheLayoutSavedInTheFile() throws Exception {
    Topology t = TopologyFiles.load(samples().resolve("nat-bridge.json"));
    var at = SvgExport.positions(t);
    assertEquals(t.layout(), at);
    String svg = SvgExport.render(t);
    // guest1 sits 220 px right of tap0 in the file (620 vs 400, both at y 340): so do their icons.
    double gx = iconX(svg, "el-guest1");
    double tx = iconX(svg, "el-tap0");
    assertEquals(220, gx - tx, 0.01);
  }

  private static double iconX(String svg, String id) {
    int g = svg.indexOf("id=\"" + id + "\"");
    int p = svg.indexOf("translate(", svg.indexOf("<path", g));
    return Double.parseDouble(svg.substring(p + "translate(".length(), svg.indexOf(' ', p)));
  }

  @Test
  void placesATopologyWithoutLayoutWithoutStackingElementsOnOnePoint() {
    Topology t = TopologyGenerator.generate(30, 3);
    var at = SvgExport.positions(t);
    assertEquals(t.elements().size(), new HashSet<>(at.values()).size());
  }
}
