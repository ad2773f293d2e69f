package dev.patchbay.app.designer.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.edit.MoveCommand;
import dev.patchbay.model.edit.SetHostCommand;
import dev.patchbay.model.reach.Reachability.Verdict;
import dev.patchbay.model.topology.Point;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReachabilityViewModelTest {
  private final DocumentViewModel doc = new DocumentViewModel();

  private static Path sample(String name) {
    String p = System.getProperty("patchbay.samples");
    return (p != null ? Path.of(p) : Path.of("..", "samples")).resolve(name);
  }

  private Verdict verdict(ReachabilityViewModel vm, String guest, String column) {
    return vm.cell(guest, column).orElseThrow().verdict();
  }

  @Test
  void matrixShowsTheSeedsAnswersForNat() throws Exception {
    doc.open(sample("nat-routing.json"));
    ReachabilityViewModel vm = new ReachabilityViewModel(doc);
    assertEquals(Verdict.YES, verdict(vm, "guest1", "->LAN"));
    assertEquals(Verdict.YES, verdict(vm, "guest1", "->Internet"));
    assertEquals(Verdict.NO, verdict(vm, "guest1", "LAN->"), "NAT hides the guests from the LAN");
    assertEquals(Verdict.YES, verdict(vm, "guest1", "->GUEST2"));
    assertTrue(vm.cell("guest1", "->GUEST1").isEmpty(), "a guest has no answer towards itself");
  }

  @Test
  void anEditChangesTheMatrixAndUndoRestoresIt() throws Exception {
    doc.open(sample("nat-routing.json"));
    ReachabilityViewModel vm = new ReachabilityViewModel(doc);
    var host = doc.topology().host();
    doc.push(new SetHostCommand(host.withIpForward(false).withNat(List.of()), "Stop forwarding"));
    assertEquals(Verdict.NO, verdict(vm, "guest1", "->LAN"));
    doc.undo();
    assertEquals(Verdict.YES, verdict(vm, "guest1", "->LAN"));
  }

  @Test
  void movingAnElementDoesNotRecompute() throws Exception {
    doc.open(sample("nat-routing.json"));
    ReachabilityViewModel vm = new ReachabilityViewModel(doc);
    var before = vm.matrix();
    Point at = doc.topology().position("tap0").orElseThrow();
    doc.push(new MoveCommand(Map.of("tap0", at), Map.of("tap0", at.translate(40, 0)), false));
    assertSame(before, vm.matrix());
  }

  @Test
  void aVerifyReportMarksCellsUntilTheNextEdit() throws Exception {
    doc.open(sample("nat-routing.json"));
    ReachabilityViewModel vm = new ReachabilityViewModel(doc);
    var report = new dev.patchbay.backends.verify.VerifyReport("lab", java.util.List.of(
        new dev.patchbay.backends.verify.Cell("lan", "guest1", "no", "no", "no", true, "netns ping", null),
        new dev.patchbay.backends.verify.Cell("guest1", "lan", "yes", "yes", "no", false, null, null)));
    vm.showVerification(report);
    assertEquals(Boolean.TRUE, vm.observedFor(vm.cell("guest1", "LAN->").orElseThrow()).orElseThrow().agrees());
    assertEquals(Boolean.FALSE, vm.observedFor(vm.cell("guest1", "->LAN").orElseThrow()).orElseThrow().agrees());
    var host = doc.topology().host();
    doc.push(new SetHostCommand(host.withIpForward(false), "Stop forwarding"));
    assertTrue(vm.observedFor(vm.cell("guest1", "->LAN").orElseThrow()).isEmpty(), "an edit makes the old run stale");
  }

  @Test
  void selectingACellExplainsWhatIsMissing() throws Exception {
    doc.open(sample("nat-routing.json"));
    ReachabilityViewModel vm = new ReachabilityViewModel(doc);
    vm.select(vm.cell("guest1", "LAN->").orElseThrow());
    assertTrue(vm.detailProperty().get().startsWith("LAN -> GUEST1: no"), vm.detailProperty().get());
    assertTrue(vm.detailProperty().get().contains("missing: ") && vm.detailProperty().get().contains("NAT"));
  }

  @Test
  void inTheBackgroundOnlyTheLatestEditsAnswerIsShown() throws Exception {
    doc.open(sample("nat-routing.json"));
    java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
    ReachabilityViewModel vm = new ReachabilityViewModel(doc, background::add, Runnable::run);
    background.poll().run();
    var before = vm.matrix();
    var host = doc.topology().host();
    doc.push(new SetHostCommand(host.withIpForward(false).withNat(List.of()), "Stop forwarding"));
    doc.undo();
    background.poll().run(); // the answer for "forwarding off", superseded by the undo
    assertSame(before, vm.matrix(), "a superseded edit's answer is dropped");
    background.poll().run();
    assertEquals(Verdict.YES, verdict(vm, "guest1", "->LAN"));
  }

  @Test
  void anEditAfterTheCopyWasTakenDoesNotChangeTheAnswerUnderWay() throws Exception {
    doc.open(sample("nat-routing.json"));
    java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
    ReachabilityViewModel vm = new ReachabilityViewModel(doc, background::add, Runnable::run);
    Runnable first = background.poll();
    var host = doc.topology().host();
    doc.push(new SetHostCommand(host.withIpForward(false).withNat(List.of()), "Stop forwarding"));
    background.poll().run();
    assertEquals(Verdict.NO, verdict(vm, "guest1", "->LAN"));
    first.run(); // the answer for the design before the edit arrives late: it must not win
    assertEquals(Verdict.NO, verdict(vm, "guest1", "->LAN"));
  }
}
