package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import could not bring over stays a finding until the user deals with it: the note an
 * import leaves (id {@value Importers#NOTE_ID}) is turned into one warning per thing it names, so
 * {@code patchbay check} and the problems panel show the lab is not all there. Other notes are the
 * user's own text and never a finding.
 */
public final class NotImportedRule implements Rule {
  static final RuleInfo NOT_IMPORTED = new RuleInfo("import.not-imported", Severity.WARNING,
      "The file this design was imported from holds something Patchbay cannot run (a vendor router image,"
          + " a serial link, a wireless LAN, ...). The import named it in the note \"" + Importers.NOTE_ID
          + "\" instead of dropping it silently; the lab runs without it.");

  @Override
  public String id() {
    return "import";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(NOT_IMPORTED);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return c instanceof TopologyChange.NoteChanged n && n.noteId().equals(Importers.NOTE_ID);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    return t.note(Importers.NOTE_ID).map(NotImportedRule::findings).orElse(List.of());
  }

  private static List<Diagnostic> findings(Note note) {
    List<Diagnostic> out = new ArrayList<>();
    for (String line : note.text().split("\n")) {
      if (line.startsWith("- ") && !line.isBlank()) {
        out.add(finding("not imported (see note " + Importers.NOTE_ID + "): " + line.substring(2).strip()));
      }
    }
    if (out.isEmpty() && !note.text().isBlank()) {
      out.add(finding("the note " + Importers.NOTE_ID + " names things the import left out"));
    }
    return out;
  }

  private static Diagnostic finding(String message) {
    return Names.finding(NOT_IMPORTED, message, List.of(Importers.NOTE_ID), NOT_IMPORTED.explain(),
        "Draw a stand-in where it matters (a plain Linux guest for a router or a container, a VDE switch for"
            + " a switch, a socket link for a tunnel), then delete its line"
            + " from the note \"" + Importers.NOTE_ID + "\" (or the whole note).");
  }
}
