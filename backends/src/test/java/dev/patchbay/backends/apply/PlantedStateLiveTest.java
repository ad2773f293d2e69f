package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.backends.netlink.Netns;
import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.backends.os.Identity;
import dev.patchbay.model.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A privileged Patchbay trusts no state it is handed: a state folder another user controls is
 * refused, its files are never opened through a link, and a journal is obeyed only for objects that
 * are the lab's (its marked links, its sandbox's namespaces, the design's uplinks). Each case was
 * shown against a root agent given a user's folder: it read a root-only file through serial.log,
 * created a root-owned file through "confirmed", and on down removed an address in another namespace
 * and deleted an unrelated namespace.
 */
@Tag("live")
class PlantedStateLiveTest {
  @TempDir
  Path state;
  private TestNamespace ns;
  private final String lab = LabFixture.uniqueLab();

  @BeforeEach
  void host() throws Exception {
    assumeTrue(Identity.privileged(), "what a root Patchbay refuses");
    ns = TestNamespace.create();
    LabFixture.addUplinks(ns.name());
  }

  @AfterEach
  void removeHost() throws Exception {
    System.clearProperty("patchbay.state");
    if (ns != null) {
      ns.close();
    }
  }

  @Test
  void aStateFolderAnotherUserControlsIsRefused() throws Exception {
    Path theirs = Files.createDirectory(state.resolve("home"));
    Files.setAttribute(theirs, "unix:uid", 65534);
    System.setProperty("patchbay.state", theirs.resolve("labs").toString());
    IOException e = assertThrows(IOException.class, Labs::standard);
    assertTrue(e.getMessage().contains("belongs to uid 65534"), e.getMessage());
    assertFalse(Files.exists(theirs.resolve("labs")));
  }

  @Test
  void aConsoleLogLinkedToAnotherFileIsNotShown() throws Exception {
    Path secret = Files.writeString(state.resolve("secret"), "root:only\n");
    Path run = state.resolve(".guests").resolve(lab).resolve("g1");
    Files.createDirectories(run);
    Files.createSymbolicLink(run.resolve("serial.log"), secret);
    try (var service = new dev.patchbay.backends.lab.LocalLabService(new Labs(state))) {
      var e = assertThrows(dev.patchbay.backends.lab.LabException.class, () -> service.console(lab, "g1"));
      assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
      assertFalse(e.getMessage().contains("root:only"));
    }
  }

  @Test
  void aConfirmationNeverWritesThroughALink() throws Exception {
    Labs labs = new Labs(state).withWatcher(l -> { });
    labs.up(LabFixture.sample("bridged-lan.json"), lab, TargetSpec.netns(ns.name()), 60, "x");
    Path target = state.resolve("made-by-root");
    Files.createSymbolicLink(state.resolve(lab).resolve("confirmed"), target);
    labs.confirm(lab);
    assertFalse(Files.exists(target), "no file is created where a planted link points");
    assertFalse(LabRecord.read(lab, labs.journal(lab)).awaitingConfirmation());
    labs.down(lab);
  }

  @Test
  void aJournalLinkedElsewhereIsNotFollowed() throws Exception {
    Path elsewhere = state.resolve("elsewhere.jsonl");
    Files.createDirectories(state.resolve(lab));
    Files.createSymbolicLink(state.resolve(lab).resolve("journal.jsonl"), elsewhere);
    Labs labs = new Labs(state);
    assertThrows(IOException.class,
        () -> labs.up(LabFixture.sample("nat-bridge.json"), lab, TargetSpec.netns(ns.name()), 0, "x"));
    assertFalse(Files.exists(elsewhere));
  }

  @Test
  void aSandboxJournalNamingAnotherNamespaceLeavesItAlone() throws Exception {
    Journal journal = new Labs(state).journal(lab);
    journal.append(journal.entry("lab").put("lab", lab).put("target", "sandbox").put("namespace", Sandbox.host(lab)));
    journal.append(journal.entry("namespace").put("name", ns.name()));
    List<String> report = new Labs(state).down(lab);
    assertTrue(Netns.exists(ns.name()), "an unrelated namespace named in a journal is not deleted");
    assertTrue(report.stream().anyMatch(l -> l.startsWith("left network namespace " + ns.name() + " alone")),
        report.toString());
  }

  @Test
  void aJournalStepOnAnInterfaceThatIsNotTheLabsIsLeftAlone() throws Exception {
    String before = LabFixture.snapshot(ns.name());
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample("nat-bridge.json"), lab, TargetSpec.netns(ns.name()), 0, "x");
    // Planted: the lab "added" wlp3s0's address, which neither carries the lab's marker nor is an uplink of nat-bridge.
    Journal journal = labs.journal(lab);
    ObjectNode step = journal.entry("step").put("id", "planted");
    step.set("step", Journal.stepNode(new Step.AddAddress("wlp3s0", "192.168.1.2/24")));
    step.putObject("saved");
    journal.append(step);
    List<String> report = labs.down(lab);
    assertTrue(report.stream().anyMatch(l -> l.startsWith("left address 192.168.1.2/24 on wlp3s0 alone")),
        report.toString());
    assertEquals(before, LabFixture.snapshot(ns.name()), "wlp3s0 keeps its address");
  }

  @Test
  void anUplinksAddressesAreStillGivenBack() throws Exception {
    String before = LabFixture.snapshot(ns.name());
    Labs labs = new Labs(state).withWatcher(l -> { });
    labs.up(LabFixture.sample("bridged-lan.json"), lab, TargetSpec.netns(ns.name()), 0, "x");
    assertEquals(java.util.Set.of("eth0"), LabRecord.read(lab, labs.journal(lab)).uplinks());
    labs.down(lab);
    assertEquals(before, LabFixture.snapshot(ns.name()), "eth0, the design's uplink, got its address back");
  }
}
