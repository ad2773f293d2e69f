package dev.patchbay.model.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotImportedRuleTest {
  private static final String NOTE = "Not imported from the GNS3 project (Patchbay cannot run these):\n"
      + "- R1 (Dynamips c7200 router): a vendor router image\n"
      + "- R1:s0/0 - R2:s0/0 (serial link): Patchbay draws Ethernet only";

  @Test
  void eachSkippedThingInTheImportNoteIsAWarningNamingIt() {
    Topology t = new Topology();
    t.putNote(new Note(Importers.NOTE_ID, NOTE, 0, 0));
    List<Diagnostic> found = new NotImportedRule().check(t);
    assertEquals(2, found.size());
    assertTrue(found.stream().allMatch(d -> d.severity() == Severity.WARNING && d.rule().equals("import.not-imported")));
    assertTrue(found.get(0).message().contains("R1 (Dynamips c7200 router): a vendor router image"), found.get(0).message());
    assertTrue(found.get(1).message().contains("serial link"), found.get(1).message());
    assertEquals(List.of(Importers.NOTE_ID), found.get(0).elements());
  }

  @Test
  void theUsersOwnNotesAreNoFinding() {
    Topology t = new Topology();
    t.putNote(new Note("todo", "- R1 (router): still to do", 0, 0));
    assertEquals(List.of(), new NotImportedRule().check(t));
    assertTrue(StandardRules.validator().check(t).stream().noneMatch(d -> d.rule().startsWith("import.")));
  }

  @Test
  void anEditedImportNoteWithoutItsListStillSaysSomethingWasLeftOut() {
    Topology t = new Topology();
    t.putNote(new Note(Importers.NOTE_ID, "the routers are still missing", 0, 0));
    assertEquals(1, new NotImportedRule().check(t).size());
  }

  @Test
  void onlyEditsOfTheImportNoteRunItAgain() {
    NotImportedRule rule = new NotImportedRule();
    assertTrue(rule.affectedBy(new TopologyChange.NoteChanged(Importers.NOTE_ID)));
    assertTrue(!rule.affectedBy(new TopologyChange.NoteChanged("todo")));
    assertTrue(!rule.affectedBy(new TopologyChange.MetadataChanged()));
  }

  @Test
  void theCatalogueListsIt() {
    assertTrue(StandardRules.validator().catalogue().stream().anyMatch(r -> r.id().equals("import.not-imported")));
  }
}
