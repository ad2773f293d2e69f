package dev.patchbay.app.designer.reach;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.reach.Reachability;
import dev.patchbay.model.reach.Reachability.Pair;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.TopologyChange;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The reachability matrix of the current design (the four needs of the routed-tun scenario, host and guest pairs),
 * recomputed after every edit that can change it, and the explanation of the selected cell.
 * The matrix is quadratic in guests, so the designer computes it on a background thread from a
 * copy of the design; when edits come faster than answers, only the latest edit's answer is shown.
 * Past {@link #MAX_GUESTS} guests it is not computed at all (millions of answers nobody can read).
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

  /** Beyond this many guests the matrix (guests x guests answers) is left to `patchbay reach`. */
  public static final int MAX_GUESTS = 200;
  private final DocumentViewModel document;
  private final Executor background;
  private final Executor publish;
  private final AtomicLong latest = new AtomicLong();
  private final ReadOnlyObjectWrapper<Matrix> matrix = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
  /** The cell the user selected and its answer laid onto the design; null when none is. */
  private final ReadOnlyObjectWrapper<ReachPath> selectedPath = new ReadOnlyObjectWrapper<>();
  private boolean stale;
  /** A verify run's observation per cell ("from->to"): what real packets did. Cleared by any edit. */
  private final ReadOnlyObjectWrapper<java.util.Map<String, Observed>> observed =
      new ReadOnlyObjectWrapper<>(java.util.Map.of());

  /** What a verify run saw for one cell: agrees is null for a cell no probe could aim at. */
  public record Observed(String observed, Boolean agrees, String probe, String why) {}

  /** Computes on the calling thread: every edit's answer is there when the edit returns. */
  public ReachabilityViewModel(DocumentViewModel document) {
    this(document, Runnable::run, Runnable::run);
  }

  /** Computes on {@code background} and hands the answer to {@code publish} (the FX thread). */
  public ReachabilityViewModel(DocumentViewModel document, Executor background, Executor publish) {
    this.document = document;
    this.background = background;
    this.publish = publish;
    document.addChangeListener(this::changed);
    document.addEditListener(() -> {
      if (stale) {
        recompute();
      }
    });
    document.addReplaceListener(t -> recompute());
    recompute();
  }

  private void changed(TopologyChange c) {
    if (c instanceof TopologyChange.Moved || c instanceof TopologyChange.NoteChanged) {
      return; // where things sit on the canvas changes no packet's path
    }
    stale = true; // recomputed once when the whole command is done, not once per change it fires
  }

  public void recompute() {
    stale = false;
    long generation = latest.incrementAndGet();
    Topology copy = TopologyCopy.of(document.topology());
    background.execute(() -> {
      if (generation != latest.get()) {
        return; // a newer edit is queued; its answer supersedes this one
      }
      Matrix m = compute(copy);
      publish.execute(() -> {
        if (generation == latest.get()) {
          long guests = copy.elementsOf(Guest.class).count();
          note.set(guests > MAX_GUESTS ? guests + " guests: the matrix is drawn for designs of up to "
              + MAX_GUESTS + " guests; `patchbay reach FILE` answers for every pair" : "");
          observed.set(java.util.Map.of()); // a verify result no longer describes an edited design
          matrix.set(m);
          clearSelection(); // the selected answer describes the design before the edit
        }
      });
    });
  }

  private static Matrix compute(Topology topology) {
    List<Guest> guests = topology.elementsOf(Guest.class).toList();
    if (guests.size() > MAX_GUESTS) {
      return new Matrix(List.of(), List.of());
    }
    Map<String, Pair> pairs = new HashMap<>();
    Reachability.of(topology).forEach(p -> pairs.putIfAbsent(p.from() + '\0' + p.to(), p));
    List<Column> columns = new ArrayList<>(List.of(
        new Column(Reachability.LAN, "->LAN", false), new Column(Reachability.INTERNET, "->Internet", false),
        new Column(Reachability.LAN, "LAN->", true), new Column(Reachability.INTERNET, "Internet->", true),
        new Column(Reachability.HOST, "->host", false), new Column(Reachability.HOST, "host->", true)));
    guests.forEach(g -> columns.add(new Column(g.id(), "->" + g.name(), false)));
    List<Row> rows = new ArrayList<>();
    for (Guest g : guests) {
      List<Optional<Pair>> cells = columns.stream()
          .map(c -> Optional.ofNullable(pairs.get(c.from(g.id()) + '\0' + c.to(g.id())))).toList();
      rows.add(new Row(g.id(), g.name(), cells));
    }
    return new Matrix(List.copyOf(columns), List.copyOf(rows));
  }

  /** Why there is no matrix to show for a design this large; empty otherwise. */
  public ReadOnlyStringProperty noteProperty() {
    return note.getReadOnlyProperty();
  }

  /** Takes a verify report (what real packets did in each cell) onto the matrix. */
  public void showVerification(dev.patchbay.backends.verify.VerifyReport report) {
    java.util.Map<String, Observed> out = new java.util.HashMap<>();
    for (dev.patchbay.backends.verify.Cell c : report.cells()) {
      out.put(c.from() + "->" + c.to(), new Observed(c.observed(), c.agrees(), c.probe(), c.why()));
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

  /**
   * Selects a cell: the detail says why it says what it says (its path, its condition, what is
   * missing), and the canvas draws its path from the current design's names and wires.
   */
  public void select(Pair p) {
    Topology t = document.topology();
    detail.set(ReachWords.explain(p, t));
    selectedPath.set(ReachPath.of(p, t));
  }

  /** No cell is selected: the detail and the path on the canvas are cleared. */
  public void clearSelection() {
    detail.set("");
    selectedPath.set(null);
  }

  /** The selected cell's answer on the design, for the canvas; null when no cell is selected. */
  public ReadOnlyObjectProperty<ReachPath> selectedPathProperty() {
    return selectedPath.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty detailProperty() {
    return detail.getReadOnlyProperty();
  }

  /** A cell's explanation with the current design's names (for its tooltip). */
  public String explain(Pair p) {
    return ReachWords.explain(p, document.topology());
  }
}
