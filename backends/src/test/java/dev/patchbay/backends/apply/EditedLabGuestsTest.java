package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.backends.qemu.LabGuestStarter;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-applying NAT behind a bridge with real (probe) guests after tap1 and its links were deleted: GUEST2's
 * command line changes, so it is stopped and started anew; when the re-apply fails, GUEST2 is back
 * on tap1 as before.
 */
@Tag("guests")
class EditedLabGuestsTest {
  private static final String SAMPLE = "nat-bridge.json";
  @TempDir
  Path state;
  private final String lab = LabFixture.uniqueLab();

  private static Topology withoutTap1() throws Exception {
    Topology t = LabFixture.sample(SAMPLE);
    t.linksOf("tap1").stream().map(Link::id).toList().forEach(t::disconnect);
    t.remove("tap1");
    t.setHost(t.host().withNat(List.of()));
    return t;
  }

  private Labs labs(Topology t, String ns) {
    return new Labs(state).withGuests(new LabGuestStarter(t, state, lab, Optional.of(ns)));
  }

  /** The running GUEST2's pid and command line, from its run folder and /proc. */
  private String[] guest2() throws IOException {
    String pid = Files.readString(LabGuestStarter.guestsDir(state, lab).resolve("GUEST2").resolve("qemu.pid")).strip();
    String cmdline = new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline")), StandardCharsets.UTF_8);
    return new String[] {pid, cmdline.replace('\0', ' ')};
  }

  @Test
  void aFailedReapplyStartsTheStoppedGuestAgainAsItWas() throws Exception {
    try (TestNamespace ns = TestNamespace.create()) {
      LabFixture.addUplinks(ns.name());
      String before = LabFixture.snapshot(ns.name());
      Topology first = LabFixture.sample(SAMPLE);
      labs(first, ns.name()).up(first, lab, TargetSpec.netns(ns.name()), 0, SAMPLE);
      try {
        failedReapply(ns.name());
      } finally {
        // Also when an assertion failed: no guest of this test outlives it.
        try {
          LabGuestStarter.stopAll(state, lab);
        } finally {
          labs(first, ns.name()).down(lab);
        }
      }
      assertEquals(before, LabFixture.snapshot(ns.name()));
    }
  }

  private void failedReapply(String ns) throws Exception {
    String[] running = guest2();
    assertTrue(running[1].contains("ifname=tap1"), running[1]);
    Topology edited = withoutTap1();
    // stop GUEST2, delete NAT, tap1 down, released, deleted; then starting the new GUEST2 fails.
    Labs failing = labs(edited, ns).withFaults((i, step) -> {
      if (i == 5) {
        throw new IOException("injected fault");
      }
    });
    Applier.ApplyException e = assertThrows(Applier.ApplyException.class,
        () -> failing.up(edited, lab, TargetSpec.netns(ns), 0, "edited"));
    assertTrue(e.getMessage().startsWith("step 6 of 6 (start guest GUEST2"), e.getMessage());
    String[] again = guest2();
    assertNotEquals(running[0], again[0], "GUEST2 was stopped and started again");
    assertTrue(again[1].contains("ifname=tap1"), "GUEST2 runs on tap1 as before: " + again[1]);
  }
}
