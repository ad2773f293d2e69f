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
