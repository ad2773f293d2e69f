package dev.patchbay.app.designer.reach;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.reach.Reachability;
import dev.patchbay.model.reach.Reachability.Pair;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The reachability matrix of the current design (seed 000's four needs, host and guest pairs),
 * recomputed after every edit that can change it, and the explanation of the selected cell.
 */
public final class ReachabilityViewModel {
  /** A column of the matrix: the answer for (row guest, column) is the pair from -> to. */
  public record Column(String key, String title, boolean inbound) {
    public String from(String guest) {
      return inbound ? key : guest;
    }

    public String to(String guest) {
      return inbound ? guest : key;
    }
  }

  /** One row: a guest and its answers, column by column (empty where a column is the guest itself). */
  public record Row(String guestId, String guestName, List<Optional<Pair>> cells) {}

  /** The matrix as rows; recomputed as one immutable value so a view redraws from it in one go. */
  public record Matrix(List<Column> columns, List<Row> rows) {}

  private final DocumentViewModel document;
  private final ReadOnlyObjectWrapper<Matrix> matrix = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
  /** A verify run's observation per cell ("from->to"): what real packets did. Cleared by any edit. */
  private final ReadOnlyObjectWrapper<java.util.Map<String, Observed>> observed =
      new ReadOnlyObjectWrapper<>(java.util.Map.of());

  /** What a verify run saw for one cell: agrees is null for a cell no probe could aim at. */
  public record Observed(String observed, Boolean agrees, String probe, String why) {}

  public ReachabilityViewModel(DocumentViewModel document) {
    this.document = document;
    document.addChangeListener(this::changed);
    document.addReplaceListener(t -> recompute());
    recompute();
  }

  private void changed(TopologyChange c) {
    if (c instanceof TopologyChange.Moved || c instanceof TopologyChange.NoteChanged) {
      return; // where things sit on the canvas changes no packet's path
    }
    recompute();
  }

  public void recompute() {
    List<Pair> pairs = Reachability.of(document.topology());
    List<Guest> guests = document.topology().elementsOf(Guest.class).toList();
    List<Column> columns = new ArrayList<>(List.of(
        new Column(Reachability.LAN, "->LAN", false), new Column(Reachability.INTERNET, "->Internet", false),
        new Column(Reachability.LAN, "LAN->", true), new Column(Reachability.INTERNET, "Internet->", true),
        new Column(Reachability.HOST, "->host", false), new Column(Reachability.HOST, "host->", true)));
    guests.forEach(g -> columns.add(new Column(g.id(), "->" + g.name(), false)));
    List<Row> rows = new ArrayList<>();
    for (Guest g : guests) {
      List<Optional<Pair>> cells = columns.stream()
          .map(c -> Reachability.find(pairs, c.from(g.id()), c.to(g.id()))).toList();
      rows.add(new Row(g.id(), g.name(), cells));
    }
    observed.set(java.util.Map.of()); // a verify result no longer describes an edited design
    matrix.set(new Matrix(List.copyOf(columns), List.copyOf(rows)));
    detail.set("");
  }

  /** Takes a verify report ({"cells":[{"from","to","observed","agrees","probe","why"}]}) onto the matrix. */
  public void showVerification(com.fasterxml.jackson.databind.JsonNode report) {
    java.util.Map<String, Observed> out = new java.util.HashMap<>();
    for (com.fasterxml.jackson.databind.JsonNode c : report.path("cells")) {
      Boolean agrees = c.path("agrees").isBoolean() ? c.path("agrees").asBoolean() : null;
      out.put(c.path("from").asText() + "->" + c.path("to").asText(),
          new Observed(c.path("observed").asText(null), agrees, c.path("probe").asText(null), c.path("why").asText(null)));
    }
    observed.set(java.util.Map.copyOf(out));
  }

  public ReadOnlyObjectProperty<java.util.Map<String, Observed>> observedProperty() {
    return observed.getReadOnlyProperty();
  }

  public java.util.Optional<Observed> observedFor(Pair p) {
    return java.util.Optional.ofNullable(observed.get().get(p.from() + "->" + p.to()));
  }

  public ReadOnlyObjectProperty<Matrix> matrixProperty() {
    return matrix.getReadOnlyProperty();
  }

  public Matrix matrix() {
    return matrix.get();
  }

  /** The answer in a cell, if the cell holds one. */
  public Optional<Pair> cell(String guestId, String columnTitle) {
    Matrix m = matrix.get();
    for (Row r : m.rows()) {
      if (r.guestId().equals(guestId)) {
        for (int i = 0; i < m.columns().size(); i++) {
          if (m.columns().get(i).title().equals(columnTitle)) {
            return r.cells().get(i);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Shows why a cell says what it says: its path, its condition, what is missing. */
  public void select(Pair p) {
    detail.set(explain(p));
  }

  public ReadOnlyStringProperty detailProperty() {
    return detail.getReadOnlyProperty();
  }

  static String explain(Pair p) {
    StringBuilder sb = new StringBuilder(p.from() + " -> " + p.to() + ": " + p.verdict().word());
    if (p.condition() != null && !p.condition().isBlank()) {
      sb.append("\n").append(p.condition());
    }
    if (!p.path().isEmpty()) {
      sb.append("\npath: ").append(String.join(" -> ", p.path()));
    }
    p.missing().forEach(m -> sb.append("\nmissing: ").append(m));
    return sb.toString();
  }
}
