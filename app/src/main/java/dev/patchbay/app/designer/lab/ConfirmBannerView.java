package dev.patchbay.app.designer.lab;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The confirm-or-revert banner: what happens at the deadline, the seconds left, Keep Changes and Revert Now. */
public final class ConfirmBannerView extends HBox {
  public ConfirmBannerView(ConfirmBannerViewModel vm) {
    super(10);
    setId("confirmBanner");
    getStyleClass().add("confirm-banner");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(6, 8, 6, 8));
    Label text = new Label();
    text.setId("confirmText");
    text.textProperty().bind(vm.textProperty());
    text.setWrapText(true);
    text.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(text, Priority.ALWAYS);
    Label seconds = new Label();
    seconds.setId("confirmSeconds");
    seconds.getStyleClass().add("confirm-seconds");
    seconds.textProperty().bind(vm.secondsLeftProperty().asString("%d s"));
    Button keep = new Button("Keep Changes");
    keep.setId("confirmKeep");
    keep.setDefaultButton(false);
    keep.setOnAction(e -> vm.confirm());
    Button revert = new Button("Revert Now");
    revert.setId("confirmRevert");
    revert.setOnAction(e -> vm.revertNow());
    getChildren().addAll(seconds, text, keep, revert);
    visibleProperty().bind(vm.waitingProperty());
    managedProperty().bind(vm.waitingProperty());
  }
}
