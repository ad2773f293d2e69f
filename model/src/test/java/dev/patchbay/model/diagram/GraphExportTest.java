package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mermaid and DOT exports of every sample: well formed, complete, and safe with odd names. */
class GraphExportTest {
  private static final Pattern MERMAID_NODE = Pattern.compile("\\s*n_\\w+(\\[|\\{\\{|\\(\\(|\\(\\[|\\[/)\"[^\"]*\"(\\]|\\}\\}|\\)\\)|\\]\\)|/\\])");
  private static final Pattern MERMAID_EDGE = Pattern.compile("\\s*n_\\w+ ---(\\|\"[^\"]*\"\\|)? n_\\w+");
  private static final Pattern MERMAID_GROUP = Pattern.compile("\\s*(subgraph (host|n_\\w+)\\[\"[^\"]*\"\\]|end)");

  static Stream<Named<Topology>> topologies() {
    List<Named<Topology>> out = new ArrayList<>();
    for (Path f : Samples.files()) {
      out.add(Named.of(Samples.baseName(f), Samples.load(f)));
    }
    out.add(Named.of("generated 60 elements", TopologyGenerator.generate(60, 42)));
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void mermaidIsAFlowchartWhoseEveryLineIsANodeAnEdgeOrAGroup(Topology t) {
    List<String> lines = MermaidExport.render(t).lines().toList();
    assertEquals("flowchart LR", lines.get(0));
    for (String l : lines.subList(1, lines.size())) {
      assertTrue(MERMAID_NODE.matcher(l).matches() || MERMAID_EDGE.matcher(l).matches()
          || MERMAID_GROUP.matcher(l).matches(), "not Mermaid: " + l);
    }
    long opened = lines.stream().filter(l -> l.strip().startsWith("subgraph ")).count();
    assertEquals(opened, lines.stream().filter(l -> l.strip().equals("end")).count());
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void mermaidNamesEveryElementAndAddressAndDrawsEveryLinkNotShownByNesting(Topology t) {
    String m = MermaidExport.render(t);
    for (Element e : t.elements()) {
      assertTrue(m.contains(e.name()), e.name());
      DiagramExpectations.labels(e).forEach(label -> assertTrue(m.contains(label), label));
    }
    long edges = m.lines().filter(l -> MERMAID_EDGE.matcher(l).matches()).count();
    assertEquals(GraphText.edges(t).size(), edges);
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void dotHasBalancedBracesAndEveryElementAndLink(Topology t) {
    String d = DotExport.render(t);
    assertTrue(d.startsWith("graph \""));
    String outsideQuotes = d.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
    assertEquals(outsideQuotes.chars().filter(c -> c == '{').count(), outsideQuotes.chars().filter(c -> c == '}').count());
    for (Element e : t.elements()) {
      assertTrue(d.contains(e.name()), e.name());
    }
    assertEquals(GraphText.edges(t).size(), d.lines().filter(l -> l.contains(" -- ")).count());
  }

  @Test
  void hostInterfacesGoInTheHostClusterAndBridgesInTheirOwn() {
    String d = DotExport.render(Samples.load(Samples.dir().resolve("nat-bridge.json")));
    int host = d.indexOf("subgraph cluster_host");
    int bridge = d.indexOf("subgraph cluster_n_br0");
    assertTrue(host >= 0 && bridge > host, d);
    assertTrue(d.indexOf("n_tap0 [") > bridge, d);
  }

  @Test
  void oddNamesAndIdsStayInsideTheirQuotes() {
    Topology t = new Topology("a \"quoted\" lab", "", null);
    t.add(new Hub("end", "hub \"<x>\" #1", 0), null);
    t.add(Guest.of("g-1", "guest \\ one", new Nic("nic0", null, null, IpConfig.dhcp())), null);
    t.connect(new Link("l0", Endpoint.of("g-1", "nic0"), Endpoint.of("end")));
    String m = MermaidExport.render(t);
    assertTrue(m.contains("n_end{{\"hub #quot;#lt;x#gt;#quot; #35;1<br/>hub 0\"}}"), m);
    assertTrue(m.contains("n_g_1 ---|\"nic0\"| n_end"), m);
    String d = DotExport.render(t);
    assertTrue(d.startsWith("graph \"a \\\"quoted\\\" lab\" {"), d);
    assertTrue(d.contains("label=\"guest \\\\ one\\nnic0 dhcp\""), d);
    assertFalse(d.contains("-- end"), d);
  }
}
