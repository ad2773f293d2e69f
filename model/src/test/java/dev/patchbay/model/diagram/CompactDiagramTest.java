package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compact style on every sample and on generated designs, at every width from 60 to 160: it
 * draws or gives way to the full style, keeps every name and address, and its wires, followed cell
 * by cell by {@link DiagramChecker}, join exactly what the file links.
 */
class CompactDiagramTest {
  private static final int[] WIDTHS = IntStream.rangeClosed(6, 16).map(w -> w * 10).toArray();
  private static final int RANDOM = 60;

  static Stream<Named<Topology>> designs() {
    return Stream.concat(Stream.concat(samplesAndGenerated(), randomDesigns()), HardDesigns.all().stream());
  }

  private static Stream<Named<Topology>> samplesAndGenerated() {
    List<Named<Topology>> out = new ArrayList<>();
    for (Path f : Samples.files()) {
      out.add(Named.of(Samples.baseName(f), Samples.load(f)));
    }
    for (long seed : new long[] {1, 2, 7, 42}) {
      out.add(Named.of("generated 20 elements, seed " + seed, TopologyGenerator.generate(20, seed)));
    }
    out.add(Named.of("generated 60 elements", TopologyGenerator.generate(60, 42)));
    out.addAll(HardDesigns.all());
    return out.stream();
  }

  private static Stream<Named<Topology>> randomDesigns() {
    return LongStream.range(0, RANDOM).mapToObj(seed -> Named.of("random without bridges, seed " + seed,
        CompactDesigns.random(seed)));
  }

  /** Samples and generated designs at every width; the random ones at three, to keep the run short. */
  static Stream<Arguments> designsAndWidths() {
    return Stream.concat(
        samplesAndGenerated().flatMap(d -> IntStream.of(WIDTHS).mapToObj(w -> Arguments.of(d, w))),
        randomDesigns().flatMap(d -> IntStream.of(60, 100, 160).mapToObj(w -> Arguments.of(d, w))));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("designsAndWidths")
  void drawsWithinTheWidthOrGivesWayToTheFullStyle(Topology t, int width) {
    for (Charset cs : Charset.values()) {
      Optional<String> compact = CompactDiagram.render(t, cs, width);
      String chosen = DiagramStyle.COMPACT.render(t, cs, width);
      if (compact.isPresent()) {
        assertEquals(compact.get(), chosen);
        assertTrue(TextDiagram.widest(chosen) <= width, chosen);
      } else {
        assertEquals(TextDiagram.render(t, cs, width), chosen);
      }
    }
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("designsAndWidths")
  void passesTheStructuralCheckerInBothCharsets(Topology t, int width) {
    for (Charset cs : Charset.values()) {
      CompactDiagram.drawing(t, cs, width).ifPresent(d -> DiagramChecker.assertSound(d, t, cs, width));
    }
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("designsAndWidths")
  void asciiIsTheUnicodeDrawingInSevenBits(Topology t, int width) {
    if (!plainNames(t)) {
      return; // a foreign name is transliterated in ASCII: another width, another drawing
    }
    Optional<String> unicode = CompactDiagram.render(t, Charset.UNICODE, width);
    Optional<String> ascii = CompactDiagram.render(t, Charset.ASCII, width);
    assertEquals(unicode.isPresent(), ascii.isPresent());
    unicode.ifPresent(u -> assertEquals(sevenBit(u), ascii.get()));
    ascii.ifPresent(a -> assertTrue(a.chars().allMatch(c -> c < 128), a));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designs")
  void keepsEveryNameAndAddressOfTheFullStyle(Topology t) {
    if (!plainNames(t)) {
      return; // foreign and long names are the structural checker's to find: shown, escaped or cut
    }
    CompactDiagram.render(t, Charset.ASCII, 100).ifPresent(text -> {
      List<String> lines = new ArrayList<>();
      t.elements().forEach(e -> lines.addAll(DiagramLabels.of(e)));
      if (t.elements().stream().anyMatch(Element::isHostInterface)) {
        lines.addAll(DiagramLabels.host(t));
      }
      for (String line : lines) {
        for (String word : DiagramText.shown(line, Charset.ASCII, false).split(" +")) {
          assertTrue(text.contains(word), "'" + word + "' of '" + line + "' missing from\n" + text);
        }
      }
    });
  }

  /** Every sample, bridges too, is compact at the default width. */
  @Test
  void everySampleIsCompactAtTheDefaultWidth() {
    Set<String> full = new TreeSet<>();
    for (Path f : Samples.files()) {
      if (CompactDiagram.render(Samples.load(f), Charset.ASCII, 100).isEmpty()) {
        full.add(Samples.baseName(f));
      }
    }
    assertEquals(Set.of(), full);
  }

  @ParameterizedTest
  @EnumSource(Charset.class)
  void theHostsInterfacesAreNotchesAndTheSocketIsItsWiresLabel(Charset cs) {
    String tun = CompactDiagram.render(Samples.load(Samples.dir().resolve("routed-tun.json")), cs, 100).orElseThrow();
    assertTrue(tun.contains(cs == Charset.ASCII ? "[eth0 192.168.0.10/24" : "\u2528eth0 192.168.0.10/24"), tun);
    assertTrue(tun.contains(cs == Charset.ASCII ? "tap0 172.20.0.1/16]" : "tap0 172.20.0.1/16\u2520"), tun);
    String socket = CompactDiagram.render(Samples.load(Samples.dir().resolve("socket-listen-connect.json")), cs, 100)
        .orElseThrow();
    assertTrue(socket.contains("<-- sock8010 tcp 127.0.0.1:8010 -->"), socket);
    assertTrue(socket.indexOf("vlan0") < socket.indexOf("vlan2"), "guest A's side on the left\n" + socket);
  }

  /**
   * The hard designs the checker runs the compact style on are drawn compact, so the check means
   * something: every one but the wide ones (a chain of four hubs, the generated 50 to 200 elements,
   * 266 to 667 columns in one row of columns), which give way to the full style.
   */
  @Test
  void theHardDesignsThatFitAreDrawnCompactInBothCharsets() {
    Set<String> full = new TreeSet<>();
    for (Named<Topology> d : HardDesigns.all()) {
      for (Charset cs : Charset.values()) {
        if (CompactDiagram.render(d.getPayload(), cs, 160).isEmpty()) {
          full.add(d.getName());
        }
      }
    }
    assertEquals(Set.of(), full.stream().filter(n -> !n.startsWith("generated") && !n.startsWith("hubs chained"))
        .collect(java.util.stream.Collectors.toSet()), full.toString());
    assertTrue(full.stream().noneMatch(n -> n.contains("names") || n.contains("bridges")), full.toString());
  }

  /** The random designs are drawn compact often enough for the wire checks above to mean something. */
  @Test
  void mostRandomDesignsWithoutBridgesAreDrawnCompactAtTheWidestWidth() {
    long compact = LongStream.range(0, RANDOM)
        .filter(seed -> CompactDiagram.render(CompactDesigns.random(seed), Charset.ASCII, 160).isPresent()).count();
    assertTrue(compact * 2 >= RANDOM, compact + " of " + RANDOM);
  }

  @ParameterizedTest
  @EnumSource(Charset.class)
  void aControlCharacterInANameIsEscapedAsTheFullStyleEscapesIt(Charset cs) {
    String plain = CompactDiagram.render(twoGuestsOnAHub("guXXest"), cs, 100).orElseThrow();
    String broken = CompactDiagram.render(twoGuestsOnAHub("gu\nest"), cs, 100).orElseThrow();
    assertEquals(plain.lines().count(), broken.lines().count(), broken);
    assertEquals(plain.replace("guXXest", "gu\\nest"), broken);
    assertTrue(TextDiagram.render(twoGuestsOnAHub("gu\nest"), cs, 100).contains("gu\\nest"));
  }

  /** A long CJK name is cut and footnoted as the full style does it, its wide characters two columns. */
  @ParameterizedTest
  @EnumSource(Charset.class)
  void namesAreShownCutAndFootnotedAsTheFullStyleShowsThem(Charset cs) {
    Topology t = twoGuestsOnAHub("\u5ba2\u6237\u673a-Gäste-" + "x".repeat(60));
    DiagramNames names = DiagramNames.of(t, cs, TextDiagram.longestLabel(80));
    String title = names.title(t.element("a").orElseThrow());
    String compact = CompactDiagram.render(t, cs, 80).orElseThrow();
    assertTrue(title.endsWith(DiagramNames.MARK + "1"), title);
    assertTrue(compact.contains(title), compact);
    assertTrue(TextDiagram.render(t, cs, 80).contains(title));
    names.footnotes(80).forEach(l -> assertTrue(compact.contains(l), l + " missing from\n" + compact));
    assertTrue(TextDiagram.widest(compact) <= 80, compact);
  }

  /** Names of printable ASCII, short enough never to be cut: shown as the file spells them. */
  private static boolean plainNames(Topology t) {
    return t.elements().stream().allMatch(e -> e.name().matches("[ -~]{1,12}"));
  }

  private static Topology twoGuestsOnAHub(String name) {
    Topology t = new Topology();
    t.add(new dev.patchbay.model.topology.Hub("hub", "vlan0", 0), new dev.patchbay.model.topology.Point(0, 0));
    for (String id : List.of("a", "b")) {
      t.add(dev.patchbay.model.topology.Guest.of(id, id.equals("a") ? name : "other",
          new dev.patchbay.model.topology.Nic("nic0", dev.patchbay.model.topology.NicModel.E1000, null,
              dev.patchbay.model.topology.IpConfig.fixed("10.0.0." + (id.equals("a") ? 1 : 2) + "/24", null))),
          new dev.patchbay.model.topology.Point(0, 0));
      t.connect(new dev.patchbay.model.topology.Link("l" + id, dev.patchbay.model.topology.Endpoint.of(id, "nic0"),
          dev.patchbay.model.topology.Endpoint.of("hub")));
    }
    return t;
  }

  @Test
  void theCheckerFindsABrokenWire() {
    Topology t = Samples.load(Samples.dir().resolve("routed-tun.json"));
    CompactDiagram.Drawing d = CompactDiagram.drawing(t, Charset.UNICODE, 100).orElseThrow();
    int cut = d.text().indexOf("\u2500\u2500\u2500\u2528eth0") + 1;
    String broken = d.text().substring(0, cut) + " " + d.text().substring(cut + 1);
    List<String> problems = DiagramChecker.check(new CompactDiagram.Drawing(broken, d.regions(), d.area()), t,
        Charset.UNICODE, 100);
    assertFalse(problems.isEmpty(), broken);
    assertTrue(problems.stream().anyMatch(p -> p.contains("in the open")), problems.toString());
  }

  @Test
  void theCheckerFindsAWireBetweenTheWrongElements() {
    Topology t = Samples.load(Samples.dir().resolve("vde-switch.json"));
    CompactDiagram.Drawing d = CompactDiagram.drawing(t, Charset.UNICODE, 100).orElseThrow();
    t.disconnect("l2");
    t.connect(new dev.patchbay.model.topology.Link("l2", dev.patchbay.model.topology.Endpoint.of("guestB", "nic0"),
        dev.patchbay.model.topology.Endpoint.of("qtap")));
    List<String> problems = DiagramChecker.check(d, t, Charset.UNICODE, 100);
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("wires join")), problems.toString());
  }

  /** The Unicode text with each box-drawing, notch and bar character as ASCII draws it. */
  private static String sevenBit(String unicode) {
    StringBuilder out = new StringBuilder();
    for (char c : unicode.toCharArray()) {
      int mask = -1;
      for (int m = 1; m < 16; m++) {
        if (Charset.UNICODE.glyph(m) == c) {
          mask = m;
        }
      }
      out.append(mask > 0 ? Charset.ASCII.glyph(mask) : c == '\u2528' ? '[' : c == '\u2520' ? ']'
          : "\u2503\u252b\u2523\u254b".indexOf(c) >= 0 ? '#' : c);
    }
    return out.toString();
  }
}
