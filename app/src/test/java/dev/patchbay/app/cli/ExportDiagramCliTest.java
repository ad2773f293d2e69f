package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code patchbay export} for the diagram formats: ascii, unicode, svg, mermaid, dot, and the GNS3 and draw.io files. */
class ExportDiagramCliTest {
  private static final Path SAMPLE = samples().resolve("nat-bridge.json");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static Path samples() {
    String p = System.getProperty("patchbay.samples");
    return p != null ? Path.of(p) : Path.of("..", "samples");
  }

  private int run(String... args) {
    return PatchbayCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void asciiPrintsTheDiagramWithTheHostBoxAndEveryGuest() {
    assertEquals(0, run("export", SAMPLE.toString(), "--format", "ascii"));
    String text = out.toString();
    // The compact style (the default) draws the bridge as a line of the host, names in top borders.
    assertTrue(text.contains("+-HOST") && text.contains("bridges tap0 tap1"), text);
    assertTrue(text.contains("+-GUEST1") && text.contains("192.168.0.11/24"), text);
    assertTrue(text.chars().allMatch(c -> c < 128), text);
  }

  @Test
  void unicodeFormatAndCharsetFlagGiveTheSameBoxDrawing() {
    assertEquals(0, run("export", SAMPLE.toString(), "--format", "unicode"));
    String viaFormat = out.toString();
    out.getBuffer().setLength(0);
    assertEquals(0, run("export", SAMPLE.toString(), "--format", "ascii", "--charset", "unicode"));
    assertEquals(viaFormat, out.toString());
    assertTrue(viaFormat.contains("\u250c") && viaFormat.contains("\u2502"), viaFormat);
  }

  @Test
  void widthBelowTheDiagramsNeedsGivesANote() {
    assertEquals(0, run("export", SAMPLE.toString(), "--format", "ascii", "--width", "40"));
    String text = out.toString();
    // The note is wrapped to the width too: a continued line starts with one space.
    assertTrue(text.replace("\n ", " ").contains("does not fit in --width 40"), text);
    text.lines().dropWhile(l -> !l.startsWith("(note:")).forEach(l -> assertTrue(l.length() <= 40, l));
  }

  @Test
  void asciiIsCompactByDefaultAndFullOnRequest() {
    String tun = samples().resolve("routed-tun.json").toString();
    assertEquals(0, run("export", tun, "--format", "ascii"));
    String compact = out.toString();
    assertTrue(compact.contains("[eth0 192.168.0.10/24") && compact.contains("tap0 172.20.0.1/16]"), compact);
    out.getBuffer().setLength(0);
    assertEquals(0, run("export", tun, "--format", "ascii", "--style", "full"));
    assertTrue(out.toString().contains("| HOST") && !out.toString().contains("[eth0"), out.toString());
  }

  @Test
  void compactGivesWayToTheFullStyleWhenItDoesNotFit() {
    String tun = samples().resolve("routed-tun.json").toString();
    assertEquals(0, run("export", tun, "--format", "ascii", "--width", "60"));
    assertTrue(out.toString().contains("| HOST"), out.toString());
  }

  @Test
  void unknownStyleIsRefusedByName() {
    assertEquals(2, run("export", SAMPLE.toString(), "--format", "ascii", "--style", "tiny"));
    assertTrue(err.toString().contains("unknown style 'tiny'; expected compact or full"), err.toString());
  }

  @Test
  void charsetOnANonTextFormatIsRefused() {
    assertEquals(2, run("export", SAMPLE.toString(), "--format", "svg", "--charset", "unicode"));
    assertTrue(err.toString().contains("--charset applies to the ascii and unicode formats"), err.toString());
  }

  @Test
  void unknownCharsetIsRefusedByName() {
    assertEquals(2, run("export", SAMPLE.toString(), "--format", "ascii", "--charset", "ebcdic"));
    assertTrue(err.toString().contains("unknown charset 'ebcdic'"), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ascii", "unicode", "svg", "mermaid", "dot", "gns3", "drawio"})
  void everyDiagramFormatIsListedOnceAndWritesToAFile(String format, @TempDir Path dir) throws Exception {
    assertEquals(1, ExportFormats.all().stream().filter(f -> f.name().equals(format)).count());
    Path target = dir.resolve("out." + format);
    assertEquals(0, run("export", SAMPLE.toString(), "--format", format, "-o", target.toString()));
    String written = Files.readString(target, StandardCharsets.UTF_8);
    assertTrue(written.contains("GUEST2"), written);
    assertEquals("", out.toString());
  }

  @Test
  void mermaidStartsAsAFlowchart() {
    assertEquals(0, run("export", SAMPLE.toString(), "--format", "mermaid"));
    assertTrue(out.toString().startsWith("flowchart LR\n"), out.toString());
  }

  @Test
  void dotHasTheHostAsACluster() {
    assertEquals(0, run("export", SAMPLE.toString(), "--format", "dot"));
    assertTrue(out.toString().contains("subgraph cluster_host"), out.toString());
  }

  @Test
  void gns3IsAProjectOfRevisionNine() {
    assertEquals(0, run("export", SAMPLE.toString(), "--format", "gns3"));
    assertTrue(out.toString().contains("\"revision\" : 9,") && out.toString().contains("\"node_type\" : \"qemu\""),
        out.toString());
  }

  @Test
  void drawioIsAnMxfile() {
    assertEquals(0, run("export", SAMPLE.toString(), "--format", "drawio"));
    assertTrue(out.toString().contains("<mxfile host=\"Patchbay\""), out.toString());
  }
}
