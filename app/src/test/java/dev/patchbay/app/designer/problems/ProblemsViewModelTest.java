package dev.patchbay.app.designer.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.edit.AddElementCommand;
import dev.patchbay.model.edit.ConnectCommand;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Point;
import org.junit.jupiter.api.Test;

class ProblemsViewModelTest {
  private final DocumentViewModel doc = new DocumentViewModel();
  private final ProblemsViewModel vm = new ProblemsViewModel(doc, StandardRules.validator());

  private void addGuest(String id, String mac) {
    doc.push(new AddElementCommand(Guest.of(id, id, new Nic("nic0", null, mac, null)), new Point(0, 0)));
  }

  private java.util.List<Diagnostic> macFindings() {
    return vm.diagnostics().stream().filter(d -> d.rule().equals("mac.duplicate")).toList();
  }

  @Test
  void findingsFollowEveryEdit() {
    addGuest("g1", "52:54:00:00:00:01");
    assertTrue(macFindings().isEmpty());
    addGuest("g2", "52:54:00:00:00:01");
    assertEquals(1, macFindings().size());
    assertTrue(macFindings().get(0).elements().containsAll(java.util.List.of("g1", "g2")));
    doc.undo();
    assertTrue(macFindings().isEmpty());
  }

  @Test
  void aFixIsOneUndoableCommandThatClearsTheFinding() {
    addGuest("g1", "52:54:00:00:00:01");
    addGuest("g2", "52:54:00:00:00:01");
    assertTrue(vm.applyFix(macFindings().get(0)));
    assertTrue(macFindings().isEmpty());
    doc.undo();
    assertEquals(1, macFindings().size());
  }

  @Test
  void badgesCarryTheWorstSeverityAndTheMessages() {
    addGuest("g1", "52:54:00:00:00:01");
    doc.push(new AddElementCommand(new Bridge("br0", "br0", null, false), new Point(0, 0)));
    doc.push(new ConnectCommand(new Link("l0", Endpoint.of("g1", "nic0"), Endpoint.of("br0"))));
    Diagnostic d = vm.diagnostics().get(0);
    assertEquals(Severity.ERROR, vm.worstByElement().get("br0"));
    assertTrue(vm.messagesFor("g1").contains(d.message()));
  }

  /** The summary in the Problems tab and the status bar: "1 error", never "1 errors"; no "0 notes". */
  @Test
  void theSummaryCountsInTheRightNumber() {
    Diagnostic error = Diagnostic.of("x.e", Severity.ERROR, "e", java.util.List.of());
    Diagnostic warning = Diagnostic.of("x.w", Severity.WARNING, "w", java.util.List.of());
    Diagnostic note = Diagnostic.of("x.i", Severity.INFO, "i", java.util.List.of());
    assertEquals("1 error", ProblemsViewModel.summarize(java.util.List.of(error)));
    assertEquals("2 errors, 1 warning", ProblemsViewModel.summarize(java.util.List.of(error, warning, error)));
    assertEquals("2 warnings, 1 note", ProblemsViewModel.summarize(java.util.List.of(warning, note, warning)));
    assertEquals("No problems", ProblemsViewModel.summarize(java.util.List.of()));
    addGuest("g1", "52:54:00:00:00:01");
    doc.push(new AddElementCommand(new Bridge("br0", "br0", null, false), new Point(0, 0)));
    doc.push(new ConnectCommand(new Link("l0", Endpoint.of("g1", "nic0"), Endpoint.of("br0"))));
    assertEquals(1, vm.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count());
    assertTrue(vm.summaryProperty().get().matches("1 error(, .*)?"), vm.summaryProperty().get());
  }
}
