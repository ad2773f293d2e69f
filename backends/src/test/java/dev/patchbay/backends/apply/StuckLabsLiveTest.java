package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab never gets stuck on someone else's object: a rollback or a down that meets an interface of
 * the lab's name that is not the lab's leaves it alone with a line saying so, keeps the first error,
 * and finishes; a lab whose journal is empty can be listed and taken down.
 */
@Tag("live")
class StuckLabsLiveTest {
  @TempDir
  Path state;
  private TestNamespace ns;
  private final String lab = LabFixture.uniqueLab();

  @BeforeEach
  void host() throws Exception {
    ns = TestNamespace.create();
    LabFixture.addUplinks(ns.name());
  }

  @AfterEach
  void removeHost() throws Exception {
    ns.close();
  }

  /** What a user does while a lab runs: deletes the lab's tap0 and makes a tun of their own with its name. */
  private void replaceTapWithTheUsersOwn() throws Exception {
    TestNamespace.run(List.of("ip", "-n", ns.name(), "link", "del", "tap0"));
    TestNamespace.run(List.of("ip", "-n", ns.name(), "tuntap", "add", "dev", "tap0", "mode", "tap"));
  }

  @Test
  void aRollbackThatMeetsSomeoneElsesInterfaceKeepsTheFirstErrorAndFinishes() throws Exception {
    Topology t = LabFixture.sample("nat-routing.json");
    Labs labs = new Labs(state).withFaults((index, step) -> {
      if (index == 6) {
        try {
          replaceTapWithTheUsersOwn();
        } catch (Exception e) {
          throw new java.io.IOException(e);
        }
        throw new java.io.IOException("injected failure");
      }
    });
    var e = assertThrows(Applier.ApplyException.class, () -> labs.up(t, lab, TargetSpec.netns(ns.name()), 0, "x"));
    assertTrue(e.getMessage().startsWith("step 7 of "), e.getMessage());
    assertTrue(e.getMessage().contains("failed: injected failure"), e.getMessage());
    assertTrue(e.getMessage().contains("left tap tap0 alone: it does not carry patchbay:" + lab), e.getMessage());
    assertEquals(0, e.getSuppressed().length, "the lab was removed whole: " + List.of(e.getSuppressed()));
    assertFalse(labs.journal(lab).exists(), "a failed fresh lab leaves no journal");
    assertTrue(ns.ipLink("tap0") != null, "the user's tap0 is still there");
    assertTrue(ns.ipLink("tap1") == null, "the lab's own tap1 was removed");
  }

  @Test
  void downLeavesSomeoneElsesInterfaceAloneAndFinishes() throws Exception {
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample("nat-routing.json"), lab, TargetSpec.netns(ns.name()), 0, "x");
    replaceTapWithTheUsersOwn();
    List<String> report = labs.down(lab);
    assertTrue(report.stream().anyMatch(l -> l.startsWith("left tap tap0 alone")), report.toString());
    assertFalse(labs.journal(lab).exists(), "the lab is gone: down finished");
    assertTrue(ns.ipLink("tap0") != null, "the user's tap0 is still there");
    assertTrue(ns.ipLink("tap1") == null);
  }

  @Test
  void aLabWithAnEmptyJournalIsListedAsEmptyAndGoesDown() throws Exception {
    Labs labs = new Labs(state);
    Files.createDirectories(state.resolve(lab));
    Files.writeString(state.resolve(lab).resolve("journal.jsonl"), "");
    LabRecord r = labs.list().stream().filter(x -> x.lab().equals(lab)).findFirst().orElseThrow();
    assertTrue(r.empty());
    assertEquals("nowhere (its journal is empty: nothing was applied)", r.where());
    assertEquals(List.of("the journal is empty: nothing was applied"), labs.down(lab));
    assertFalse(Files.exists(state.resolve(lab)));
  }
}
