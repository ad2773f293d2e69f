package dev.patchbay.model.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyFilesTest {
  @TempDir
  Path dir;

  private static String sample() throws Exception {
    return Files.readString(Samples.named("hub-tap.json"), StandardCharsets.UTF_8);
  }

  @Test
  void truncatedFileReportsLineAndColumn() throws Exception {
    String text = sample();
    String cut = text.substring(0, text.length() / 2);
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(cut, "cut.json"));
    assertTrue(e.line() > 1, "line " + e.line());
    assertTrue(e.column() > 0, "column " + e.column());
    assertTrue(e.getMessage().startsWith("cut.json:" + e.line() + ":" + e.column() + ": "), e.getMessage());
    assertTrue(e.detail().toLowerCase().contains("end-of-input"), e.detail());
  }

  @Test
  void missingCommaNamesWhereAndWhatWasExpected() {
    String text = "{\n  \"format\": \"patchbay-topology\",\n  \"version\": 1\n  \"name\": \"x\"\n}\n";
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(text, "f.json"));
    assertEquals(4, e.line());
    assertTrue(e.detail().contains("expecting comma"), e.detail());
    assertTrue(!e.getMessage().contains("[Source"), "no Jackson internals in the message: " + e.getMessage());
  }

  @Test
  void unknownFieldIsRefusedWithItsPathAndLocation() throws Exception {
    String text = sample().replace("\"hubId\": 0", "\"hubId\": 0,\n      \"colour\": \"red\"");
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(text, "f.json"));
    assertTrue(e.detail().contains("unknown field \"colour\""), e.detail());
    assertTrue(e.detail().contains("elements[1]"), e.detail());
    assertTrue(e.line() > 0);
  }

  @Test
  void newerVersionIsRefusedNamingTheVersionNeeded() {
    String text = "{\"format\": \"patchbay-topology\", \"version\": 7, \"elements\": []}";
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(text, "new.json"));
    assertTrue(e.detail().contains("version 7"), e.detail());
    assertTrue(e.detail().contains("reads up to version " + TopologyFiles.VERSION), e.detail());
  }

  @Test
  void fileOfAnotherFormatIsRefused() {
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse("{\"a\": 1}", "x.json"));
    assertTrue(e.detail().contains("not a Patchbay topology"), e.detail());
  }

  @Test
  void unknownElementKindIsNamed() throws Exception {
    String text = sample().replace("\"kind\": \"hub\"", "\"kind\": \"switch\"");
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(text, "f.json"));
    assertTrue(e.detail().contains("unknown element kind \"switch\""), e.detail());
  }

  @Test
  void unknownNicModelNamesTheChoices() throws Exception {
    String text = sample().replace("\"model\": \"e1000\"", "\"model\": \"e100\"");
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(text, "f.json"));
    assertTrue(e.detail().contains("unknown NIC model 'e100'") && e.detail().contains("virtio-net-pci"), e.detail());
  }

  @Test
  void linkToAMissingElementIsRefusedNamingTheLink() throws Exception {
    String text = sample().replace("\"b\": \"qtap0\"", "\"b\": \"qtap9\"");
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(text, "f.json"));
    assertTrue(e.detail().contains("links[1] (l1)") && e.detail().contains("qtap9"), e.detail());
  }

  @Test
  void duplicateIdsAreRefused() throws Exception {
    String text = sample().replace("\"id\": \"vlan0\"", "\"id\": \"qtap0\"");
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(text, "f.json"));
    assertTrue(e.detail().contains("reuses the id \"qtap0\""), e.detail());
  }

  @Test
  void idWithShellCharactersIsRefused() throws Exception {
    String text = sample().replace("\"id\": \"vlan0\"", "\"id\": \"vlan0;rm\"");
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(text, "f.json"));
    assertTrue(e.detail().contains("vlan0;rm"), e.detail());
  }

  @Test
  void duplicateKeysAreRefused() throws Exception {
    String text = sample().replace("\"hubId\": 0", "\"hubId\": 0, \"hubId\": 1");
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(text, "f.json"));
    assertTrue(e.detail().contains("hubId"), e.detail());
  }

  @Test
  void emptyFileSaysSo() {
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse("  \n", "e.json"));
    assertTrue(e.detail().contains("empty"), e.detail());
  }

  @Test
  void notUtf8IsReportedNotThrown() throws Exception {
    Path f = dir.resolve("latin1.json");
    Files.write(f, new byte[] {'{', (byte) 0xE9, '}'});
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.load(f));
    assertTrue(e.detail().contains("UTF-8"), e.detail());
  }

  @Test
  void failedLoadLeavesTheFileUntouched() throws Exception {
    Path f = dir.resolve("broken.json");
    byte[] broken = "{\"format\": \"patchbay-topology\", \"version\": 1, \"elements\": [".getBytes(StandardCharsets.UTF_8);
    Files.write(f, broken);
    assertThrows(TopologyFileException.class, () -> TopologyFiles.load(f));
    assertArrayEquals(broken, Files.readAllBytes(f));
  }

  @Test
  void builtTopologySavesAndLoadsEqual() throws Exception {
    Topology t = new Topology("lab", "two guests on a hub", null);
    t.add(new Hub("hub0", "vlan0", 0), new Point(10, 20));
    t.add(Guest.of("g0", "alpha", new Nic("nic0", NicModel.VIRTIO, "52:54:00:00:00:01",
        IpConfig.fixed("10.0.0.1/24", null))), new Point(100, 20));
    t.connect(new Link("l0", Endpoint.of("g0", "nic0"), Endpoint.of("hub0")));
    Path f = dir.resolve("lab.json");
    TopologyFiles.save(t, f);
    Topology back = TopologyFiles.load(f);
    assertEquals(t.elements().stream().toList(), back.elements().stream().toList());
    assertEquals(t.links().stream().toList(), back.links().stream().toList());
    assertEquals(TopologyFiles.toJson(t), Files.readString(f));
    assertEquals(Files.readString(f), TopologyFiles.toJson(back), "saving again gives the same bytes");
  }

  @Test
  void savedFileListsKeysInAFixedOrder() throws Exception {
    String json = TopologyFiles.toJson(TopologyFiles.load(Samples.named("nat-bridge.json")));
    int format = json.indexOf("\"format\"");
    int host = json.indexOf("\"host\"");
    int elements = json.indexOf("\"elements\"");
    int links = json.indexOf("\"links\"");
    int layout = json.indexOf("\"layout\"");
    assertTrue(format < host && host < elements && elements < links && links < layout, json);
    assertTrue(json.contains("\"kind\": \"guest\",\n      \"id\""), "kind first in every element");
  }

  @Test
  void aRefusalAfterReadingStillNamesTheLineAndColumnOfThePart() throws Exception {
    String text = sample().replace("\"id\": \"vlan0\"", "\"id\": \"qtap0\"");
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(text, "f.json"));
    int second = text.indexOf("\"id\": \"qtap0\"", text.indexOf("\"id\": \"qtap0\"") + 1);
    String before = text.substring(0, text.lastIndexOf('{', second));
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    assertEquals(line, e.line(), "the line where the element with the reused id starts: " + e.getMessage());
    assertTrue(e.column() > 0, e.getMessage());
  }

  @Test
  void limitsAreRefusedWhereTheyAreCrossed() {
    StringBuilder sb = new StringBuilder("{\"format\": \"patchbay-topology\", \"version\": 1, \"elements\": [\n");
    for (int i = 0; i <= FileLimits.MAX_ELEMENTS; i++) {
      sb.append(i == 0 ? "" : ",\n").append("{\"kind\": \"hub\", \"id\": \"h").append(i).append("\", \"name\": \"h\", \"hubId\": 0}");
    }
    String many = sb.append("]}").toString();
    var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(many, "many.json"));
    assertEquals(FileLimits.MAX_ELEMENTS + 2, e.line(), e.getMessage());
    assertTrue(e.detail().startsWith("more than 10,000 elements"), e.detail());
    String deep = "{\"format\": \"patchbay-topology\", \"version\": 1, \"x\": " + "[".repeat(40) + "]".repeat(40) + "}";
    var d = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(deep, "deep.json"));
    assertEquals(1, d.line());
    assertTrue(d.detail().contains("nested more than " + FileLimits.MAX_DEPTH), d.detail());
  }

  @Test
  void noMessageOfAWrongTypeNamesJava() throws Exception {
    for (String[] wrong : new String[][] {{"\"hubId\": 0", "\"hubId\": \"zero\""}, {"\"hubId\": 0", "\"hubId\": null"},
        {"\"hubId\": 0", "\"hubId\": 1e400"}, {"\"hubId\": 0", "\"hubId\": [1]"}, {"\"kind\": \"hub\",", ""}}) {
      String text = sample().replace(wrong[0], wrong[1]);
      var e = assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(text, "f.json"), wrong[1]);
      assertTrue(e.line() > 0 && !e.detail().matches("(?s).*(java\\.|dev\\.patchbay|`|Exception).*"), e.getMessage());
      assertTrue(e.detail().contains("elements[1]"), e.getMessage());
    }
  }
}
