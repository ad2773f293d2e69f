package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's format is its own (backends/JOURNAL.md), not Java's: a journal written by the release
 * of December 2026 (every step kind of every sample's plan and its reverse, as Journal.stepLine wrote
 * them at 674161e) still loads, and its steps are written again byte for byte.
 */
class JournalFormatTest {
  private static final Path RELEASE = Path.of("src/test/resources/journals/release-2026-12.jsonl");
  @TempDir
  Path dir;

  @Test
  void aJournalWrittenByTheDecember2026ReleaseStillLoads() throws Exception {
    Path copy = Files.copy(RELEASE, dir.resolve("journal.jsonl"));
    LabRecord record = LabRecord.read("release", new Journal(copy));
    assertEquals("netns", record.target());
    assertTrue(record.applied());
    List<Step> read = new ArrayList<>();
    for (JsonNode e : record.liveSteps()) {
      read.add(Journal.step(e.path("step")));
    }
    assertEquals(180, read.size());
    assertEquals(java.util.Set.of(Step.class.getPermittedSubclasses()),
        read.stream().map(Object::getClass).collect(java.util.stream.Collectors.toSet()), "every kind of step is in it");
    assertTrue(read.contains(new Step.CreateTap("tap0", null)));
    assertTrue(read.contains(new Step.CreateBridge("br0", false)));
    assertTrue(read.contains(new Step.AddRoute("default", "10.0.0.1", "br0")));
    assertTrue(read.contains(new Step.SetSysctl("net.ipv4.conf.wlp3s0.proxy_arp", null, "1")));
    assertTrue(read.contains(new Step.LoadNat("patchbay_release", List.of(
        new dev.patchbay.model.topology.HostSettings.Nat("192.168.0.0/24", "eth0"),
        new dev.patchbay.model.topology.HostSettings.Nat("192.168.1.0/24", "eth0")))));
    assertTrue(read.stream().anyMatch(s -> s instanceof Step.StartGuest g && g.guest().equals("guest")
        && g.arguments().contains("tap,id=net-nic0,ifname=tap0,script=no,downscript=no")));
  }

  @Test
  void everyStepIsWrittenAsTheReleaseWroteIt() throws Exception {
    for (String line : Files.readAllLines(RELEASE)) {
      JsonNode e = Journal.JSON.readTree(line);
      if (e.path("event").asText().equals("step")) {
        StringBuilder again = new StringBuilder();
        StepFormat.write(again, Journal.step(e.path("step")));
        assertEquals(Journal.JSON.writeValueAsString(e.path("step")), again.toString());
      }
    }
  }

  @Test
  void everyKindOfStepHasAJournalFormat() {
    assertEquals(List.of(), StepFormat.unformatted(), "add the new kind to StepFormat and backends/JOURNAL.md");
  }

  @Test
  void aJournalOfANewerFormatIsRefusedWithASentence() throws Exception {
    Journal journal = new Journal(dir.resolve("journal.jsonl"));
    journal.append(journal.entry("lab").put("journal", Journal.VERSION + 1).put("target", "netns"));
    IOException e = assertThrows(IOException.class, () -> LabRecord.read("x", journal));
    assertEquals("lab x's journal is format version 2, written by a newer Patchbay; this one reads version 1:"
        + " take the lab down with that release", e.getMessage());
  }

  @Test
  void anUnknownKindOrAFieldOfTheWrongTypeIsRefusedWithASentence() throws Exception {
    IOException unknown = assertThrows(IOException.class,
        () -> Journal.step(Journal.JSON.readTree("{\"kind\":\"CreateWormhole\",\"fields\":{}}")));
    assertTrue(unknown.getMessage().contains("kind 'CreateWormhole', which this Patchbay does not know"),
        unknown.getMessage());
    IOException wrong = assertThrows(IOException.class,
        () -> Journal.step(Journal.JSON.readTree("{\"kind\":\"CreateBridge\",\"fields\":{\"name\":\"br0\",\"stp\":1}}")));
    assertEquals("the journal's CreateBridge step has a field 'stp' that is not true or false", wrong.getMessage());
  }
}
