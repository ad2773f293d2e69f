package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReachCliTest {
  private static Path sample(String name) {
    String dir = System.getProperty("patchbay.samples", "../samples");
    return Path.of(dir, name);
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PatchbayCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void jsonHasExactlyTheDocumentedShape() throws Exception {
    Run r = run("reach", "--json", sample("nat-routing.json").toString());
    assertEquals(0, r.code());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals(List.of("pairs"), names(root));
    for (JsonNode p : root.get("pairs")) {
      assertEquals(List.of("from", "to", "verdict", "condition", "path", "missing"), names(p));
      assertTrue(Set.of("yes", "no", "only-with").contains(p.get("verdict").asText()));
      assertTrue(p.get("path").isArray() && p.get("missing").isArray());
    }
  }

  @Test
  void jsonAnswersTheLanToGuestQuestionOfPossibilityOne() throws Exception {
    JsonNode root = new ObjectMapper().readTree(run("reach", "--json", sample("nat-routing.json").toString()).out());
    JsonNode lanToGuest = null;
    for (JsonNode p : root.get("pairs")) {
      if (p.get("from").asText().equals("lan") && p.get("to").asText().equals("guest1")) {
        lanToGuest = p;
      }
    }
    assertEquals("no", lanToGuest.get("verdict").asText());
    assertTrue(lanToGuest.get("missing").get(0).asText().contains("NAT"));
  }

  @Test
  void textShowsVerdictConditionAndPath() {
    Run r = run("reach", sample("user-net-hostfwd.json").toString());
    assertEquals(0, r.code());
    assertTrue(r.out().contains("lan -> sol11"), r.out());
    assertTrue(r.out().contains("only to hostfwd ports tcp/5022"), r.out());
    assertTrue(r.out().contains("path: lan -> eth0 -> host -> user0 -> sol11:nic0"), r.out());
  }

  @Test
  void textStartsWithAGridOfOneRowPerGuest() {
    String[] lines = run("reach", sample("nat-routing.json").toString()).out().split("\n");
    assertTrue(lines[1].trim().startsWith("->lan  ->internet  lan->  internet->  ->host  host->  ->guest1  ->guest2"),
        lines[1]);
    assertEquals("guest1  yes    yes         no     no          yes     yes     -         yes", lines[2].trim());
  }

  @Test
  void unreadableFileExitsTwo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{ not json");
    Run r = run("reach", bad.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("patchbay reach:"), r.err());
  }

  @Test
  void checkExplainsARule() {
    Run r = run("check", "--explain", "hub.no-nic");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Invalid vlan (0) with no nics"), r.out());
  }

  @Test
  void checkRefusesAnUnknownRule() {
    assertEquals(2, run("check", "--explain", "no.such-rule").code());
  }

  @Test
  void checkFindsAnInjectedPitfallWithItsElement(@TempDir Path dir) throws Exception {
    String text = Files.readString(sample("routed-tun.json")).replace("\"ipForward\": true", "\"ipForward\": false");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, text);
    Run r = run("check", "--json", broken.toString());
    assertEquals(1, r.code());
    JsonNode d = new ObjectMapper().readTree(r.out()).get("diagnostics").get(0);
    assertEquals("forward.missing", d.get("rule").asText());
    assertTrue(d.get("elements").toString().contains("tap0"));
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
