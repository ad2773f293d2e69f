package dev.patchbay.app.designer.problems;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.IncrementalValidator;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.Validator;
import dev.patchbay.model.text.Counted;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The validator's findings for the current design, re-checked after every edit: incrementally (only
 * the rules an edit can affect run again) and once per command, not once per change it fires.
 */
public final class ProblemsViewModel {
  private final DocumentViewModel document;
  private final Validator validator;
  private IncrementalValidator incremental;
  private dev.patchbay.model.topology.Topology validated;
  private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

  public ProblemsViewModel(DocumentViewModel document, Validator validator) {
    this.document = document;
    this.validator = validator;
    document.addEditListener(this::recheck);
    document.addReplaceListener(t -> restart());
    restart();
  }

  /**
   * Checks the design again from scratch: for what the topology does not show, such as the file
   * moving to another folder (Save As) where other disk images are found.
   */
  public void revalidate() {
    restart();
  }

  /** Whether the findings are of this topology (after an open they are of the new one). */
  public boolean validates(dev.patchbay.model.topology.Topology t) {
    return validated == t;
  }

  private void restart() {
    validated = document.topology();
    if (incremental != null) {
      incremental.close();
    }
    incremental = new IncrementalValidator(document.topology(), validator);
    recheck();
  }

  public void recheck() {
    List<Diagnostic> found = incremental.diagnostics();
    if (!found.equals(diagnostics)) {
      diagnostics.setAll(found);
    }
    summary.set(summarize(found));
  }

  /** "1 error, 2 warnings": each severity there is, in its right number ("1 errors" read as a slip). */
  static String summarize(List<Diagnostic> found) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    found.forEach(d -> counts.merge(d.severity(), 1, Integer::sum));
    if (found.isEmpty()) {
      return "No problems";
    }
    List<String> parts = new java.util.ArrayList<>();
    counts.forEach((severity, n) -> parts.add(Counted.of(n, switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    })));
    return String.join(", ", parts);
  }

  public ObservableList<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** Applies the finding's mechanical fix as one undoable command; false when it offers none. */
  public boolean applyFix(Diagnostic d) {
    Optional<Fix> fix = d.mechanicalFix();
    if (fix.isEmpty()) {
      return false;
    }
    document.push(fix.get().command(document.topology()));
    return true;
  }

  /** The worst severity of the findings naming each element or link, for the canvas's badges. */
  public Map<String, Severity> worstByElement() {
    Map<String, Severity> out = new HashMap<>();
    for (Diagnostic d : diagnostics) {
      for (String id : d.elements()) {
        out.merge(id, d.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
    return out;
  }

  /** {@link #messagesFor} for every element at once: one pass over the findings, not one per element. */
  public Map<String, String> messagesByElement() {
    Map<String, String> out = new HashMap<>();
    for (Diagnostic d : diagnostics) {
      for (String id : new java.util.LinkedHashSet<>(d.elements())) {
        out.merge(id, d.message(), (a, b) -> a + "\n" + b);
      }
    }
    return out;
  }

  /** The messages naming an element, one per line, for its badge's tooltip. */
  public String messagesFor(String id) {
    return String.join("\n", diagnostics.stream().filter(d -> d.elements().contains(id))
        .map(Diagnostic::message).toList());
  }
}
