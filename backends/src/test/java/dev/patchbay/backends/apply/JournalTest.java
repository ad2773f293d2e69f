package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JournalTest {
  @TempDir
  Path dir;

  static List<String> samples() throws IOException {
    return LabFixture.samples();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyStepAndItsInverseComeBackFromTheJournalEqual(String sample) throws Exception {
    Plan plan = Planner.plan(LabFixture.sample(sample));
    List<Step> steps = new ArrayList<>(plan.steps());
    steps.addAll(plan.reverse().steps());
    for (Step s : steps) {
      assertEquals(s, Journal.step(Journal.JSON.readTree(Journal.JSON.writeValueAsString(Journal.stepNode(s)))));
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void aStepLineWrittenDirectlyIsTheJsonJacksonWritesAndReadsBackEqual(String sample) throws Exception {
    Plan plan = Planner.plan(LabFixture.sample(sample));
    List<Step> steps = new ArrayList<>(plan.steps());
    steps.addAll(plan.reverse().steps());
    for (Step s : steps) {
      StringBuilder line = new StringBuilder();
      var saved = Journal.JSON.createObjectNode();
      Journal.stepLine(line, "2026-11-22T22:00:00Z", 3, "ab-3", s, saved);
      var read = Journal.JSON.readTree(line.toString());
      assertEquals(Journal.stepNode(s), read.path("step"), line.toString());
      assertEquals(s, Journal.step(read.path("step")));
      assertEquals("step", read.path("event").asText());
      assertEquals(3, read.path("index").asInt());
      assertEquals("ab-3", read.path("id").asText());
      assertEquals(saved, read.path("saved"));
    }
  }

  @Test
  void aStepLineEscapesQuotesBackslashesAndControlCharacters() throws Exception {
    StringBuilder line = new StringBuilder();
    Step odd = new Step.SetSysctl("net.ipv4.ip_forward", "a\"b\\c\n", null);
    Journal.stepLine(line, "t", 0, "x-0", odd, Journal.JSON.createObjectNode().put("note", "kept"));
    assertEquals(1, line.toString().split("\n", -1).length - 1, "one line: " + line);
    var read = Journal.JSON.readTree(line.toString());
    assertEquals(odd, Journal.step(read.path("step")));
    assertEquals("kept", read.path("saved").path("note").asText());
  }

  @Test
  void linesAppendedTogetherAreAllRead() throws Exception {
    Journal journal = new Journal(dir.resolve("lab").resolve("journal.jsonl"));
    StringBuilder lines = new StringBuilder();
    Journal.stepLine(lines, "t", 0, "x-0", new Step.CreateTap("tap0", null), Journal.JSON.createObjectNode());
    Journal.stepLine(lines, "t", 1, "x-1", new Step.SetUp("tap0"), Journal.JSON.createObjectNode());
    journal.appendLines(lines);
    assertEquals(List.of("x-0", "x-1"), journal.entries().stream().map(e -> e.path("id").asText()).toList());
  }

  @Test
  void aLineCutShortByACrashIsSkipped() throws Exception {
    Journal journal = new Journal(dir.resolve("lab").resolve("journal.jsonl"));
    journal.append(journal.entry("lab").put("target", "sandbox"));
    Files.writeString(journal.file(), "{\"event\":\"step\",\"ind", java.nio.file.StandardOpenOption.APPEND);
    assertEquals(1, journal.entries().size());
  }

  @Test
  void aJournalNamingAClassOutsideTheStepsIsRefused() throws Exception {
    var node = Journal.JSON.readTree("{\"kind\":\"..Runtime\",\"fields\":{}}");
    assertThrows(IOException.class, () -> Journal.step(node));
  }

  @Test
  void aNewCountdownAfterAConfirmedOneWaitsForItsOwnConfirmation() throws Exception {
    Journal journal = new Journal(dir.resolve("journal.jsonl"));
    journal.append(journal.entry("confirm-by").put("deadline", 1000L));
    journal.append(journal.entry("confirmed"));
    assertEquals(false, LabRecord.read("lab", journal).awaitingConfirmation());
    journal.append(journal.entry("confirm-by").put("deadline", 2000L));
    assertEquals(true, LabRecord.read("lab", journal).awaitingConfirmation());
  }

  @Test
  void stepsUndoneAfterACrashAreNotLiveAnyMore() throws Exception {
    Journal journal = new Journal(dir.resolve("journal.jsonl"));
    journal.append(journal.entry("lab").put("target", "netns").put("namespace", "x"));
    var a = journal.entry("step").put("id", "a");
    a.set("step", Journal.stepNode(new Step.CreateTap("tap0", null)));
    var b = journal.entry("step").put("id", "b");
    b.set("step", Journal.stepNode(new Step.SetUp("tap0")));
    journal.append(a);
    journal.append(b);
    journal.append(journal.entry("undone").put("id", "b"));
    LabRecord r = LabRecord.read("lab", journal);
    assertEquals(List.of("a"), r.liveSteps().stream().map(s -> s.path("id").asText()).toList());
  }
}
