package dev.patchbay.app.designer.reach;

import dev.patchbay.app.designer.reach.ReachabilityViewModel.Matrix;
import dev.patchbay.app.designer.reach.ReachabilityViewModel.Row;
import dev.patchbay.model.reach.Reachability.Pair;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/**
 * The matrix as a grid of coloured cells; a click on a cell explains it below and draws its path on
 * the canvas, a second click clears it. The guests' names stay at the left edge while the matrix
 * scrolls sideways, over the cells that pass beneath them.
 */
public final class ReachabilityView extends SplitPane {
  private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
  private final ReachabilityViewModel vm;
  private final GridPane grid = new GridPane();
  private final ScrollPane scroll = new ScrollPane(grid);
  /** How far the matrix is scrolled sideways, in pixels: the row names move back by as much. */
  private final DoubleBinding scrolledX = Bindings.createDoubleBinding(
      () -> scroll.getHvalue() * Math.max(0, grid.getWidth() - scroll.getViewportBounds().getWidth()),
      scroll.hvalueProperty(), grid.widthProperty(), scroll.viewportBoundsProperty());
  private final Map<Pair, Label> cells = new HashMap<>();

  public ReachabilityView(ReachabilityViewModel vm) {
    this.vm = vm;
    grid.setId("reachGrid");
    grid.setHgap(2);
    grid.setVgap(2);
    grid.setPadding(new Insets(6));
    TextArea detail = new TextArea();
    detail.setId("reachDetail");
    detail.setEditable(false);
    detail.setWrapText(true);
    detail.setPromptText("Click a cell to see the path it takes or what is missing.");
    detail.textProperty().bind(vm.detailProperty());
    setOrientation(Orientation.VERTICAL);
    scroll.setId("reachScroll");
    getItems().addAll(scroll, detail);
    setDividerPositions(0.6);
    vm.matrixProperty().addListener((o, was, now) -> draw(now));
    vm.observedProperty().addListener((o, was, now) -> draw(vm.matrix()));
    vm.selectedPathProperty().addListener((o, was, now) -> showSelected(now == null ? null : now.pair()));
    draw(vm.matrix());
  }

  private void showSelected(Pair selected) {
    cells.forEach((p, l) -> l.pseudoClassStateChanged(SELECTED, p.equals(selected)));
  }

  private void draw(Matrix m) {
    grid.getChildren().clear();
    cells.clear();
    if (m == null) {
      return; // the first answer is still being computed
    }
    if (m.rows().isEmpty()) {
      String tooMany = vm.noteProperty().get();
      grid.add(new Label(tooMany.isEmpty() ? "No guests: add a guest to see what it reaches." : tooMany), 0, 0);
      return;
    }
    for (int c = 0; c < m.columns().size(); c++) {
      Label head = new Label(m.columns().get(c).title());
      head.getStyleClass().add("reach-head");
      grid.add(head, c + 1, 0);
    }
    for (int r = 0; r < m.rows().size(); r++) {
      Row row = m.rows().get(r);
      Label name = new Label(row.guestName());
      name.setId("reachRow-" + row.guestId());
      name.getStyleClass().addAll("reach-head", "reach-row-head");
      name.setMaxWidth(Double.MAX_VALUE);
      name.translateXProperty().bind(scrolledX);
      name.setViewOrder(-1); // drawn over the cells scrolled beneath it
      grid.add(name, 0, r + 1);
      for (int c = 0; c < row.cells().size(); c++) {
        grid.add(cell(row, m.columns().get(c).title(), row.cells().get(c)), c + 1, r + 1);
      }
    }
    ReachPath shown = vm.selectedPathProperty().get();
    showSelected(shown == null ? null : shown.pair());
  }

  private Label cell(Row row, String column, Optional<Pair> pair) {
    Label l = new Label(pair.map(ReachWords::cell).orElse("-"));
    l.setId("reach-" + row.guestId() + "-" + column.replaceAll("[^A-Za-z0-9]", "_"));
    l.getStyleClass().add("reach-cell");
    pair.ifPresent(p -> {
      l.getStyleClass().add("reach-" + p.verdict().word());
      String tip = vm.explain(p);
      var seen = vm.observedFor(p);
      if (seen.isPresent()) {
        var o = seen.get();
        l.getStyleClass().add(o.agrees() == null ? "reach-untested" : o.agrees() ? "reach-agrees" : "reach-differs");
        tip += "\nreal packets: " + (o.agrees() == null ? "untested" : o.observed() + (o.agrees() ? " (agrees)" : " (DIFFERS)"))
            + (o.probe() == null ? "" : "\nprobe: " + o.probe()) + (o.why() == null ? "" : "\n" + o.why());
      }
      l.setTooltip(new Tooltip(tip));
      l.setOnMouseClicked(e -> toggle(p));
      cells.put(p, l);
    });
    l.setMaxWidth(Double.MAX_VALUE);
    return l;
  }

  /** A click selects a cell; a click on the selected cell clears the selection (and the canvas). */
  private void toggle(Pair p) {
    ReachPath shown = vm.selectedPathProperty().get();
    if (shown != null && shown.pair().equals(p)) {
      vm.clearSelection();
    } else {
      vm.select(p);
    }
  }
}
