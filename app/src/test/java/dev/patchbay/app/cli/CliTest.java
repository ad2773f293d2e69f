package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CliTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PatchbayCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  static Path samples() {
    String p = System.getProperty("patchbay.samples");
    return p != null ? Path.of(p) : Path.of("..", "samples");
  }

  static Stream<Path> allSamples() throws Exception {
    try (Stream<Path> s = Files.list(samples())) {
      return s.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("allSamples")
  void everySampleChecksWithExitZero(Path sample) {
    Run r = run("check", sample.toString());
    assertEquals(0, r.code(), r.out() + r.err());
  }

  @Test
  void checkJsonHasTheDocumentedShape() throws Exception {
    Path broken = dir.resolve("nic-on-bridge.json");
    String text = Files.readString(samples().resolve("nat-bridge.json"))
        .replace("\"a\": \"guest1:nic0\",\n      \"b\": \"tap0\"", "\"a\": \"guest1:nic0\",\n      \"b\": \"br0\"");
    Files.writeString(broken, text);
    Run r = run("check", broken.toString(), "--json");
    assertEquals(1, r.code(), r.err());
    JsonNode d = new ObjectMapper().readTree(r.out()).get("diagnostics").get(0);
    assertEquals("link.invalid", d.get("rule").asText());
    assertEquals("error", d.get("severity").asText());
    assertTrue(d.get("message").asText().contains("through a tap"));
    assertTrue(d.get("elements").toString().contains("\"br0\""));
  }

  @Test
  void truncatedSampleExitsTwoWithLineAndColumn() throws Exception {
    String text = Files.readString(samples().resolve("nat-routing.json"), StandardCharsets.UTF_8);
    Path cut = dir.resolve("cut.json");
    Files.writeString(cut, text.substring(0, text.length() - 40));
    Run r = run("check", cut.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().matches("(?s)patchbay check: .*cut\\.json:\\d+:\\d+: .*\\n"), r.err());
    assertEquals(1, r.err().lines().count(), "one line on stderr");
  }

  @Test
  void missingFileExitsTwo() {
    Run r = run("check", dir.resolve("nope.json").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("cannot read"), r.err());
  }

  @Test
  void exportQemuOfTheSocketSampleListensOnceAndConnectsOnce() {
    Run r = run("export", samples().resolve("socket-listen-connect.json").toString(), "--format", "qemu");
    assertEquals(0, r.code(), r.err());
    assertEquals(2, r.out().lines().count());
    assertEquals(1, r.out().split("listen=", -1).length - 1);
    assertEquals(1, r.out().split("connect=", -1).length - 1);
  }

  @Test
  void exportWritesToTheOutputFile() throws Exception {
    Path out = dir.resolve("lines.sh");
    Run r = run("export", samples().resolve("nat-bridge.json").toString(), "-f", "qemu", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertTrue(Files.readString(out).contains("ifname=tap1"));
  }

  @Test
  void unknownFormatIsOneClearLine() {
    Run r = run("export", samples().resolve("nat-bridge.json").toString(), "--format", "visio");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown format 'visio'") && r.err().contains("qemu"), r.err());
  }

  @Test
  void unknownCommandExitsTwo() {
    Run r = run("frobnicate");
    assertEquals(2, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void everyCommandHasHelp() {
    for (String c : new String[] {"check", "export"}) {
      Run r = run(c, "--help");
      assertEquals(0, r.code());
      assertTrue(r.out().startsWith("Usage: patchbay " + c), r.out());
    }
  }
}
