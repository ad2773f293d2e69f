package dev.patchbay.backends.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.apply.Applier;
import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.Sandbox;
import dev.patchbay.model.check.Validator;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --allow-errors} on a broken copy of nat-routing: ip_forward off (the validator's
 * error nat.no-forward; the guests reach neither the LAN nor each other) and a host route through a
 * gateway on no subnet of its tap, which the kernel refuses. The route is left out and named, the
 * rest is applied, and the broken design's "no" cells are shown with real packets.
 */
@Tag("guests")
class VerifyAllowErrorsGuestsTest {
  private static final Logger LOG = Logger.getLogger(VerifyAllowErrorsGuestsTest.class.getName());
  private static final Path BROKEN = Path.of("src/test/resources/dev/patchbay/backends/verify/nat-routing-broken.json");

  @TempDir
  Path state;

  @Test
  void aBrokenDesignIsAppliedAsFarAsItCanBeAndItsNoCellsAreShownWithPackets() throws Exception {
    Topology t = TopologyFiles.load(BROKEN);
    assertTrue(Validator.hasErrors(StandardRules.validator().check(t)), "the copy is broken");
    String lab = "ve" + HexFormat.of().formatHex(randomBytes());
    Labs labs = new Labs(state);
    try {
      VerifyReport report = VerifyRun.standard(labs).run(t, lab, BROKEN.toString(), false, true);
      LOG.info(report::table);

      assertEquals(1, report.notApplied().size(), report::table);
      assertTrue(report.notApplied().get(0).startsWith("add route 172.16.0.0/16 via 192.168.5.1"), report::table);
      assertEquals(0, report.disagreements(), report::table);
      assertEquals(0, report.untested(), report::table);
      for (String[] cell : new String[][] {{"guest1", "guest2"}, {"guest2", "guest1"}, {"guest1", "lan"}}) {
        Cell c = report.cells().stream().filter(x -> x.from().equals(cell[0]) && x.to().equals(cell[1])).findFirst()
            .orElseThrow();
        assertEquals(java.util.List.of("no", "no"), java.util.List.of(c.predicted(), c.observed()), report::table);
      }
      assertTrue(report.table().startsWith("Not applied"), report::table);
    } finally {
      if (labs.journal(lab).exists()) {
        labs.down(lab);
      }
    }
    assertFalse(Sandbox.namespaces(lab).stream().anyMatch(ns -> Files.exists(Path.of("/var/run/netns", ns))),
        "a sandbox namespace of " + lab + " survived");
  }

  @Test
  void withoutAllowingErrorsTheStepThatCannotBeAppliedFailsTheRunAndLeavesNothing() throws Exception {
    Topology t = TopologyFiles.load(BROKEN);
    String lab = "ve" + HexFormat.of().formatHex(randomBytes());
    Labs labs = new Labs(state);
    Applier.ApplyException e = assertThrows(Applier.ApplyException.class,
        () -> VerifyRun.standard(labs).run(t, lab, BROKEN.toString(), false));
    assertTrue(e.getMessage().contains("add route 172.16.0.0/16"), e.getMessage());
    assertFalse(labs.journal(lab).exists());
    assertFalse(Sandbox.namespaces(lab).stream().anyMatch(ns -> Files.exists(Path.of("/var/run/netns", ns))));
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[3];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }
}
