package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code --allow-errors} leaves out before anything is made. */
class PlanCheckRefusedTest {
  private static final List<String> QEMU = List.of("/usr/bin/qemu-system-x86_64", "-name", "vm");

  @Test
  void aSecondGuestOfTheSameNameIsLeftOutSoDownCanStopEveryGuestItStarted() {
    Step first = new Step.StartGuest("vm", QEMU);
    Step second = new Step.StartGuest("vm", QEMU);
    Step other = new Step.StartGuest("web", QEMU);
    List<LenientUp.Skipped> refused = PlanCheck.refused(new Plan(List.of(first, other, second)));
    assertEquals(1, refused.size());
    assertTrue(refused.get(0).why().contains("another guest is named vm"), refused.get(0).why());
  }

  @Test
  void guestsOfDistinctNamesAreAllApplied() {
    assertEquals(List.of(), PlanCheck.refused(new Plan(List.of(
        new Step.StartGuest("a", QEMU), new Step.StartGuest("b", QEMU)))));
  }
}
