package dev.patchbay.app.designer.problems;

import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Severity;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The validator's findings; a click reveals the elements, Fix applies the mechanical fix. */
public final class ProblemsView extends VBox {
  private final ListView<Diagnostic> list = new ListView<>();

  public ProblemsView(ProblemsViewModel vm, Consumer<List<String>> reveal) {
    setId("problems");
    getStyleClass().add("side-panel");
    setSpacing(6);
    Label summary = new Label();
    summary.setId("problemsSummary");
    summary.getStyleClass().add("panel-title");
    summary.textProperty().bind(vm.summaryProperty());
    list.setId("problemsList");
    list.setItems(vm.diagnostics());
    list.setPlaceholder(new Label("No problems: this design should work as drawn."));
    list.setCellFactory(v -> new DiagnosticCell(vm));
    list.getSelectionModel().selectedItemProperty().addListener((o, was, d) -> {
      if (d != null) {
        reveal.accept(d.elements());
      }
    });
    // A second click on the same finding shows its elements again after the user scrolled away.
    list.setOnMouseClicked(e -> {
      Diagnostic d = list.getSelectionModel().getSelectedItem();
      if (d != null) {
        reveal.accept(d.elements());
      }
    });
    VBox.setVgrow(list, Priority.ALWAYS);
    getChildren().addAll(summary, list);
  }

  /** One finding: a severity mark, the message and explanation, and a Fix button when offered. */
  private static final class DiagnosticCell extends ListCell<Diagnostic> {
    private final ProblemsViewModel vm;

    DiagnosticCell(ProblemsViewModel vm) {
      this.vm = vm;
    }

    @Override
    protected void updateItem(Diagnostic d, boolean empty) {
      super.updateItem(d, empty);
      setText(null);
      if (empty || d == null) {
        setGraphic(null);
        return;
      }
      Label mark = new Label(d.severity() == Severity.ERROR ? "✖" : d.severity() == Severity.WARNING ? "▲" : "i");
      mark.getStyleClass().addAll("severity", "severity-" + d.severity().word());
      Label message = new Label(d.message());
      message.setWrapText(true);
      message.getStyleClass().add("problem-message");
      VBox text = new VBox(2, message);
      if (d.fixHint() != null) {
        Label hint = new Label(d.fixHint());
        hint.setWrapText(true);
        hint.getStyleClass().add("problem-hint");
        text.getChildren().add(hint);
      }
      text.setMaxWidth(Region.USE_PREF_SIZE);
      text.prefWidthProperty().bind(getListView().widthProperty().subtract(120));
      HBox row = new HBox(8, mark, text);
      d.mechanicalFix().ifPresent(f -> {
        Button fix = new Button("Fix");
        fix.setId("fix-" + d.rule().replace('.', '-'));
        fix.setTooltip(new Tooltip(f.description()));
        fix.setOnAction(e -> vm.applyFix(d));
        row.getChildren().add(fix);
      });
      if (d.explanation() != null) {
        setTooltip(new Tooltip(d.explanation()));
      }
      setGraphic(row);
    }
  }
}
