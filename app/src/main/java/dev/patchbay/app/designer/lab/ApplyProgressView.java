package dev.patchbay.app.designer.lab;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A bar under the toolbar while an apply runs: the current step, a progress bar, and Cancel. */
public final class ApplyProgressView extends HBox {
  public ApplyProgressView(ApplyProgressViewModel vm) {
    super(10);
    setId("applyProgress");
    getStyleClass().add("apply-progress");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(4, 8, 4, 8));
    ProgressBar bar = new ProgressBar();
    bar.setId("applyProgressBar");
    bar.setPrefWidth(260);
    bar.progressProperty().bind(vm.fractionProperty());
    Label step = new Label();
    step.setId("applyStep");
    step.textProperty().bind(vm.stepTextProperty());
    step.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(step, Priority.ALWAYS);
    Button cancel = new Button("Cancel");
    cancel.setId("applyCancel");
    cancel.disableProperty().bind(vm.cancellingProperty());
    cancel.setOnAction(e -> vm.cancel());
    getChildren().addAll(bar, step, cancel);
    visibleProperty().bind(vm.runningProperty());
    managedProperty().bind(vm.runningProperty());
  }
}
