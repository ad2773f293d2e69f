package dev.patchbay.model.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.edit.MoveCommand;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.NewerFields;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Files of a newer minor version open with a warning and keep what this version does not know. */
class NewerMinorVersionTest {
  private static final List<String> NEW_FIELDS = List.of("/labels", "/elements/0/colour", "/elements/3/bootOrder",
      "/elements/3/nics/0/mtu", "/elements/3/nics/0/ip/ipv6", "/links/0/delayMs", "/layout/vlan0/layer", "/notes/0/style");

  static String fixture() throws IOException {
    try (InputStream in = NewerMinorVersionTest.class.getResourceAsStream("/format/newer-minor.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aNewerMinorFileOpensListingEveryFieldThisVersionDoesNotKnow() throws Exception {
    Topology t = TopologyFiles.parse(fixture(), "newer.json");
    assertEquals(NEW_FIELDS, t.newerFields().fields().stream().map(NewerFields.Field::where).toList());
    assertEquals(3, t.newerFields().minor());
    String warning = TopologyFiles.newerFieldsWarning(t).orElseThrow();
    assertTrue(warning.contains("format version 1.3") && warning.contains("reads up to 1.1"), warning);
    NEW_FIELDS.forEach(f -> assertTrue(warning.contains(f), warning));
    assertEquals(5, t.elements().size());
    assertEquals(9000, t.newerFields().fields().stream().filter(f -> f.name().equals("mtu")).findFirst()
        .map(f -> Integer.parseInt(f.json())).orElseThrow());
  }

  @Test
  void savingAfterAnEditKeepsTheUnknownFieldsWhereTheyWere() throws Exception {
    String original = fixture();
    Topology t = TopologyFiles.parse(original, "newer.json");
    CommandStack stack = new CommandStack(t);
    stack.push(new MoveCommand(Map.of("vlan0", t.position("vlan0").orElseThrow()), Map.of("vlan0", new Point(500, 600)), false));
    t.replace(((Hub) t.element("vlan2").orElseThrow()).withIdentity("vlan2", "renamed"));
    String saved = TopologyFiles.toJson(t);

    JsonNode before = new ObjectMapper().readTree(original);
    JsonNode after = new ObjectMapper().readTree(saved);
    for (String f : NEW_FIELDS) {
      assertEquals(before.at(f), after.at(f), f);
    }
    assertEquals(fieldNames(before.at("/elements/3/nics/0")), fieldNames(after.at("/elements/3/nics/0")));
    assertEquals(fieldNames(before.at("/elements/0")), fieldNames(after.at("/elements/0")));
    assertEquals(3, after.get("minor").asInt(), "the fields are saved as what they are: minor 3");
    assertEquals("renamed", after.at("/elements/1/name").asText());
    assertEquals(500.0, after.at("/layout/vlan0/x").asDouble());
    assertEquals(original.replace("\"name\": \"vlan2\"", "\"name\": \"renamed\"")
        .replaceFirst("(\"vlan0\": \\{\\s*\"x\": )[0-9.]+(,\\s*\"y\": )[0-9.]+", "$1500.0$2600.0"), saved,
        "nothing else moved");
  }

  @Test
  void theSavedFileOpensAgainWithTheSameFields() throws Exception {
    Topology t = TopologyFiles.parse(fixture(), "newer.json");
    Topology again = TopologyFiles.parse(TopologyFiles.toJson(t), "again.json");
    assertEquals(t.newerFields(), again.newerFields());
    assertEquals(TopologyFiles.toJson(t), TopologyFiles.toJson(again));
  }

  @Test
  void fieldsOfARemovedElementGoWithIt() throws Exception {
    Topology t = TopologyFiles.parse(fixture(), "newer.json");
    t.remove("vlan0");
    String saved = TopologyFiles.toJson(t);
    assertTrue(!saved.contains("colour") && !saved.contains("\"layer\""), saved);
    assertTrue(saved.contains("\"mtu\": 9000"), saved);
  }

  @Test
  void anUnknownFieldInAFileOfThisVersionIsStillRefused() throws Exception {
    String thisVersion = fixture().replace("  \"minor\": 3,\n", "");
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(thisVersion, "typo.json"));
    assertTrue(e.detail().contains("unknown field \""), e.detail());
    String minorZero = fixture().replace("\"minor\": 3", "\"minor\": 0");
    assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(minorZero, "typo.json"));
  }

  @Test
  void aNewerMajorVersionIsRefusedNamingTheVersionItNeeds() throws Exception {
    String major = fixture().replace("\"version\": 1", "\"version\": 2");
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(major, "major.json"));
    assertTrue(e.detail().contains("format version 2 and needs a newer Patchbay"), e.detail());
  }

  @Test
  void aNewerMinorFileStillHasItsKnownFieldsCheckedStrictly() throws Exception {
    String badKind = fixture().replace("\"kind\": \"hub\"", "\"kind\": \"switch\"");
    var kind = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(badKind, "kind.json"));
    assertTrue(kind.detail().contains("switch"), kind.detail());
    String badMinor = fixture().replace("\"minor\": 3", "\"minor\": \"three\"");
    var minor = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(badMinor, "minor.json"));
    assertTrue(minor.detail().contains("\"minor\" is not a whole number"), minor.detail());
    assertEquals(4, minor.line());
  }

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("..", "samples"))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyFieldOfEverySampleIsKnownSoNothingIsKeptAsNewer(Path sample) throws Exception {
    String text = Files.readString(sample).replaceFirst("\"version\": 1,", "\"version\": 1,\n  \"minor\": 9,");
    Topology t = TopologyFiles.parse(text, sample.toString());
    assertEquals(List.of(), t.newerFields().fields());
    String same = TopologyFiles.toJson(t);
    assertEquals(Files.readString(sample), same, "no minor is written when nothing new is kept");
  }

  @Test
  void aGuestWithADisplayMakesTheFile11AndItReadsBack() throws Exception {
    Topology t = new Topology("t", "", null);
    t.add(new Guest("g", "g", "x86_64", "pc", 128, null, List.of(), "vnc"), null);
    String json = TopologyFiles.toJson(t);
    assertTrue(json.contains("\"minor\": 1,"), json);
    Topology back = TopologyFiles.parse(json, "display.json");
    assertEquals("vnc", ((Guest) back.element("g").orElseThrow()).display());
    assertTrue(back.newerFields().isEmpty(), "1.1 is this build's own version: nothing is kept as newer");
    String typo = json.replace("\"display\": \"vnc\"", "\"displya\": \"vnc\"");
    assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(typo, "typo.json"),
        "an unknown field in a 1.1 file is a typo to this build");
  }

  @Test
  void filesThisBuildWritesCarryNoMinor() throws Exception {
    Topology t = new Topology("t", "", null);
    t.add(new Hub("h", "h", 0), null);
    assertTrue(!TopologyFiles.toJson(t).contains("minor"));
    assertTrue(t.elementsOf(Guest.class).findAny().isEmpty());
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
