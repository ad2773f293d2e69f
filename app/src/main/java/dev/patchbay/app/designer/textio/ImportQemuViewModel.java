package dev.patchbay.app.designer.textio;

import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.QemuImporter;
import dev.patchbay.model.importer.ShellWords;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * File > Import > QEMU command lines: pasted text, one guest's command line per line (backslash
 * continuations allowed), read as words without any shell and turned into a topology.
 */
public final class ImportQemuViewModel {
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  /** The topology, or empty with {@link #errorProperty()} saying what is wrong where. */
  public Optional<Topology> importText(String text) {
    try {
      List<List<String>> lines = ShellWords.lines(text);
      if (lines.isEmpty()) {
        error.set("Paste one QEMU command line per guest.");
        return Optional.empty();
      }
      Topology t = QemuImporter.importLines(lines, "imported");
      error.set("");
      return Optional.of(t);
    } catch (ImportException e) {
      error.set(e.getMessage());
      return Optional.empty();
    }
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
