package dev.patchbay.app.designer.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "New": an empty design or any packaged sample, each shown with its description. */
public final class SampleGalleryDialog extends Dialog<SampleCatalog.Sample> {
  /** The entry for an empty canvas (a sample with no text). */
  public static final SampleCatalog.Sample EMPTY =
      new SampleCatalog.Sample("", "Empty design", "Start from an empty canvas.", "");

  public SampleGalleryDialog(Window owner, List<SampleCatalog.Sample> samples) {
    initOwner(owner);
    setTitle("New design");
    setHeaderText("Start from an empty canvas or from one of the sample scenarios");
    List<SampleCatalog.Sample> entries = new ArrayList<>();
    entries.add(EMPTY);
    entries.addAll(samples);
    ListView<SampleCatalog.Sample> list = new ListView<>();
    list.setId("sampleGallery");
    list.getItems().setAll(entries);
    list.setPrefSize(640, 420);
    list.setCellFactory(v -> new SampleCell());
    list.getSelectionModel().selectFirst();
    list.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2) {
        setResult(list.getSelectionModel().getSelectedItem());
        close();
      }
    });
    getDialogPane().setContent(list);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    setResultConverter(b -> b == ButtonType.OK ? list.getSelectionModel().getSelectedItem() : null);
  }

  public Optional<SampleCatalog.Sample> choose() {
    return showAndWait();
  }

  private static final class SampleCell extends ListCell<SampleCatalog.Sample> {
    @Override
    protected void updateItem(SampleCatalog.Sample s, boolean empty) {
      super.updateItem(s, empty);
      if (empty || s == null) {
        setGraphic(null);
        return;
      }
      Label name = new Label(s.name());
      name.getStyleClass().add("sample-name");
      Label description = new Label(s.description());
      description.setWrapText(true);
      description.setMaxWidth(600);
      description.getStyleClass().add("sample-description");
      setGraphic(new VBox(2, name, description));
    }
  }
}
