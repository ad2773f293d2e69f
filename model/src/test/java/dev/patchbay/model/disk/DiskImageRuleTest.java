package dev.patchbay.model.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiskImageRuleTest {
  private static final String HASH = "b".repeat(64);

  private static List<Diagnostic> disk(Topology t, FakeImages images) {
    return StandardRules.validator(images).check(t).stream().filter(d -> d.rule().startsWith("disk.")).toList();
  }

  @Test
  void aMissingImageIsReportedWithItsExpectedPath() {
    List<Diagnostic> found = disk(Samples.load("user-net-hostfwd.json"), new FakeImages("/labs"));
    assertEquals(1, found.size());
    Diagnostic d = found.get(0);
    assertEquals("disk.missing", d.rule());
    assertEquals(Severity.WARNING, d.severity());
    assertEquals(List.of("sol11"), d.elements());
    assertTrue(d.message().contains("expected at '/labs/sol11.img'"), d.message());
    assertTrue(d.fixHint().contains("Relink") && d.fixHint().contains("--probe-missing"), d.fixHint());
  }

  @Test
  void theManifestGivesSizeAndHash() {
    FakeImages images = new FakeImages("/labs")
        .manifest(BundleManifest.of("lab.json", List.of(new BundleManifest.Image("sol11.img", 1234, HASH, false))));
    Diagnostic d = disk(Samples.load("user-net-hostfwd.json"), images).get(0);
    assertTrue(d.message().contains("1234 bytes, sha256 " + HASH), d.message());
  }

  @Test
  void aPresentImageIsFineUnlessItsSizeDiffersFromTheManifest() {
    Topology t = Samples.load("user-net-hostfwd.json");
    assertEquals(List.of(), disk(t, new FakeImages("/labs").with("/labs/sol11.img", 10)));
    FakeImages other = new FakeImages("/labs").with("/labs/sol11.img", 10)
        .manifest(BundleManifest.of("lab.json", List.of(new BundleManifest.Image("sol11.img", 11, HASH, false))));
    assertEquals(List.of("disk.size"), disk(t, other).stream().map(Diagnostic::rule).toList());
  }

  @Test
  void anUnsavedDesignsRelativeImageIsNotJudged() {
    assertEquals(List.of(), disk(Samples.load("user-net-hostfwd.json"), new FakeImages(null)));
  }

  @Test
  void theDefaultValidatorDoesNoDiskCheck() {
    assertTrue(StandardRules.validator().check(Samples.load("user-net-hostfwd.json")).stream()
        .noneMatch(d -> d.rule().startsWith("disk.")));
  }
}
