package dev.patchbay.model.importer.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.Fixtures;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.SourceFile;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class XmlTreeTest {
  /** /dev/zero never ends: a parser that fetched it would hang, so these tests would time out. */
  private static final List<String> DOCTYPES = List.of(
      "<!DOCTYPE domain SYSTEM \"file:///dev/zero\">",
      "<!DOCTYPE domain [<!ENTITY % p SYSTEM \"file:///dev/zero\"> %p;]>",
      "<!DOCTYPE domain [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");

  private static SourceFile withDoctype(String doctype) {
    return SourceFile.of("d.xml", "<?xml version='1.0'?>\n" + doctype + "\n<domain><name>&x;</name></domain>");
  }

  @Test
  void detectionPassesOverADoctypeWithoutReadingWhatItNames() {
    for (String d : DOCTYPES) {
      assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
          assertEquals(Optional.of("domain"), XmlTree.rootName(withDoctype(d)), d));
    }
  }

  @Test
  void readingRefusesEveryDoctypeAtItsPlace() {
    for (String d : DOCTYPES) {
      ImportException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> assertThrows(ImportException.class, () -> XmlTree.read(withDoctype(d))));
      assertTrue(e.getMessage().startsWith("d.xml: line 2, column 1: has a DOCTYPE"), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{\"format\": \"patchbay-topology\"}", "name: lab\ntopology: {}", "PK\u0003\u0004"})
  void whatIsNotXmlHasNoRootAndIsRefusedByName(String text) {
    SourceFile f = SourceFile.of("x.bin", text);
    assertEquals(Optional.empty(), XmlTree.rootName(f));
    ImportException e = assertThrows(ImportException.class, () -> XmlTree.read(f));
    assertTrue(e.getMessage().startsWith("x.bin: "), e.getMessage());
  }

  @Test
  void elementsReadTheSameWhetherTheyComeOnceOrManyTimes() {
    JsonNode d = XmlTree.read(SourceFile.of("a.xml", "<r><one a='1'/><many a='1'/><x/><many a='2'>t</many>"
        + "<size unit='KiB'> 42 </size></r>")).content();
    assertEquals(1, XmlNodes.all(d, "one").size());
    assertEquals(List.of("1", "2"), XmlNodes.all(d, "many").stream().map(n -> XmlNodes.value(n, "a").orElseThrow())
        .toList());
    assertEquals("t", XmlNodes.text(XmlNodes.all(d, "many").get(1)));
    assertEquals("42", XmlNodes.text(XmlNodes.one(d, "size").orElseThrow()));
    assertEquals(Optional.empty(), XmlNodes.value(d, "x"), "an empty element has no value");
    assertTrue(XmlNodes.has(d, "x"));
    assertEquals(List.of(), XmlNodes.all(d, "none"));
  }

  @Test
  void descendantsAreFoundAtAnyDepthInNamespacedFiles() {
    JsonNode d = XmlTree.read(SourceFile.of("n.xml", "<scenario xmlns='nmfPlan' xmlns:CORE='coreSpecific'>"
        + "<network id='a'><switch id='a/s'/></network><router id='r1'/><router id='r2'><CORE:presentation/></router>"
        + "</scenario>")).content();
    assertEquals(List.of("a/s", "r1", "r2"), XmlNodes.descendants(d, Set.of("switch", "router")).stream()
        .map(n -> XmlNodes.value(n.node(), "id").orElseThrow()).sorted().toList());
  }

  @Test
  void brokenXmlIsRefusedWithLineAndColumn() {
    ImportException e = assertThrows(ImportException.class,
        () -> XmlTree.read(SourceFile.of("b.xml", "<r>\n  <a></b>\n</r>")));
    assertTrue(e.getMessage().startsWith("b.xml: line 2, column "), e.getMessage());
    assertTrue(e.getMessage().contains("</b>"), e.getMessage());
  }

  /** Every XML format reads through this one reader; each format's hostile files are refused by it. */
  @ParameterizedTest
  @CsvSource({"libvirt, xxe.xml", "libvirt, billion-laughs.xml", "core, xxe.xml", "eve, xxe.unl",
      "eve, billion-laughs.unl"})
  void everyFormatsHostileDoctypeIsRefusedBeforeAnyEntityIsReadOrExpanded(String format, String fixture) {
    ImportException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(ImportException.class, () -> Fixtures.imported(format, fixture)));
    assertTrue(e.getMessage().startsWith(fixture + ": line 2, column "), e.getMessage());
    assertTrue(e.getMessage().contains("has a DOCTYPE"), e.getMessage());
    assertFalse(e.getMessage().contains("root:"), "no file content leaks into the message");
  }

  @Test
  void endlessNestingIsRefusedWithItsPlace() {
    String deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
    ImportException e = assertThrows(ImportException.class, () -> XmlTree.read(SourceFile.of("deep.xml", deep)));
    assertTrue(e.getMessage().startsWith("deep.xml: line 1, column "), e.getMessage());
    assertTrue(e.getMessage().contains("nest more than " + XmlTree.MAX_DEPTH + " deep"), e.getMessage());
    String fine = "<a>".repeat(XmlTree.MAX_DEPTH - 2) + "<b x='1'/>" + "</a>".repeat(XmlTree.MAX_DEPTH - 2);
    assertEquals("a", XmlTree.read(SourceFile.of("fine.xml", fine)).root());
  }

  @Test
  void predefinedAndCharacterEntitiesAreText() {
    JsonNode d = XmlTree.read(SourceFile.of("e.xml", "<r a='x &amp; &lt;y&gt; &#65;'><t>&quot;q&apos;</t></r>")).content();
    assertEquals("x & <y> A", XmlNodes.value(d, "a").orElseThrow());
    assertEquals("\"q'", XmlNodes.value(d, "t").orElseThrow());
  }
}
