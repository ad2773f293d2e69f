package dev.patchbay.model.importer;

import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every format {@code patchbay import} reads, detection by content, and what every import ends
 * with: elements the file gave no position are laid out, and what could not be imported is named in
 * a note on the canvas (id {@value #NOTE_ID}; the validator reports it as a finding).
 */
public final class Importers {
  /** The id of the note an import leaves when it skipped something. */
  public static final String NOTE_ID = "not-imported";
  /**
   * How wide the canvas and the SVG export draw that note, in canvas units: its lines are long, and
   * the import puts it this far (and a gap) left of the design, where its height, which depends on
   * the font, cannot make it cover an element.
   */
  public static final double NOTE_WIDTH = 420;
  private static final double NOTE_GAP = 60;

  private static final List<Importer> ALL = List.of(
      // one line per format; keep the order: the first that recognises a file wins
      new dev.patchbay.model.importer.gns3.Gns3Importer(),
      new dev.patchbay.model.importer.libvirt.LibvirtImporter(),
      new dev.patchbay.model.importer.core.CoreImporter(),
      new dev.patchbay.model.importer.clab.ClabImporter(),
      new dev.patchbay.model.importer.eve.EveImporter(),
      // QEMU command lines stay last: any text with a qemu line in it passes for a start script.
      new QemuScriptImporter()
  );

  private Importers() {}

  public static List<Importer> all() {
    return ALL;
  }

  public static Optional<Importer> byId(String id) {
    return ALL.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** The importer whose format the file's content shows, if any does. */
  public static Optional<Importer> detect(SourceFile file) {
    return ALL.stream().filter(i -> i.recognises(file)).findFirst();
  }

  /**
   * Reads the files with the given importer, or with the one their content shows when
   * {@code from} is null, and finishes the topology (layout, note).
   */
  public static Imported read(List<SourceFile> files, String from) {
    if (files.isEmpty()) {
      throw new ImportException("no file given");
    }
    Importer importer = from != null
        ? byId(from).orElseThrow(() -> new ImportException("unknown format '" + from + "'; known: "
            + ALL.stream().map(Importer::id).collect(Collectors.joining(", "))))
        : detect(files.get(0)).orElseThrow(() -> new ImportException(files.get(0).name()
            + ": not a format Patchbay imports (" + ALL.stream().map(Importer::title).collect(Collectors.joining(", "))
            + "); name one with --from"));
    Imported imported = importer.read(files);
    finish(imported.topology(), imported.skipped(), importer.title());
    return imported;
  }

  static void finish(Topology t, List<Skipped> skipped, String title) {
    Overlaps.separate(t);
    AutoLayout.placeUnplaced(t);
    if (!skipped.isEmpty()) {
      List<String> lines = new ArrayList<>();
      lines.add("Not imported from the " + title + " (Patchbay cannot run these):");
      skipped.forEach(s -> lines.add("- " + s.line()));
      double x = t.layout().values().stream().mapToDouble(Point::x).min().orElse(40);
      double y = t.layout().values().stream().mapToDouble(Point::y).min().orElse(40);
      t.putNote(new Note(NOTE_ID, String.join("\n", lines), x - NOTE_WIDTH - NOTE_GAP, y));
    }
  }
}
