package dev.patchbay.app.designer.textio;

import dev.patchbay.model.diagram.Charset;
import dev.patchbay.model.diagram.DiagramStyle;
import dev.patchbay.model.topology.Topology;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import javafx.stage.Window;

/** The two text dialogs of the File menu: QEMU import and ASCII preview. */
public final class TextDialogs {
  private TextDialogs() {}

  /** Asks for QEMU command lines; on success hands the imported topology on and closes. */
  public static void importQemu(Window owner, Consumer<Topology> open) {
    ImportQemuViewModel vm = new ImportQemuViewModel();
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle("Import QEMU command lines");
    TextArea input = new TextArea();
    input.setId("importQemuText");
    input.setPromptText("One QEMU command line per guest, e.g.\n"
        + "qemu -net nic -net socket,listen=:8010\nqemu -net nic,vlan=2 -net socket,vlan=2,connect=127.0.0.1:8010");
    input.setFont(Font.font("Monospaced", 12));
    Label error = new Label();
    error.setId("importQemuError");
    error.textProperty().bind(vm.errorProperty());
    error.getStyleClass().add("dialog-error");
    d.getDialogPane().setContent(new BorderPane(input, null, null, error, null));
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
    ok.setText("Import");
    ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
      Optional<Topology> t = vm.importText(input.getText());
      if (t.isEmpty()) {
        e.consume(); // keep the dialog and what was pasted; the message says what is wrong
      } else {
        open.accept(t.get());
      }
    });
    d.showAndWait();
  }

  /** Asks which network namespace to read (blank: this host) and opens what it holds. */
  public static void importHost(Window owner, Consumer<Topology> open) {
    ImportHostViewModel vm = ImportHostViewModel.live();
    javafx.scene.control.TextField ns = new javafx.scene.control.TextField();
    ns.setId("importHostNetns");
    ns.setPromptText("network namespace (leave empty for this host)");
    Label error = new Label();
    error.setId("importHostError");
    error.textProperty().bind(vm.errorProperty());
    error.getStyleClass().add("dialog-error");
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle("Import from this host");
    d.getDialogPane().setContent(new javafx.scene.layout.VBox(8,
        new Label("Read links, bridges, taps, addresses and routes (read-only):"), ns, error));
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
    ok.setText("Import");
    ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
      Optional<Topology> t = vm.importFrom(ns.getText());
      if (t.isEmpty()) {
        e.consume();
      } else {
        open.accept(t.get());
      }
    });
    d.showAndWait();
  }

  /** Shows the ASCII (or Unicode) diagram with a one-click copy. */
  public static void asciiPreview(Window owner, Supplier<Topology> topology, String documentName) {
    AsciiPreviewViewModel vm = new AsciiPreviewViewModel(topology);
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle("Diagram as text");
    TextArea text = new TextArea();
    text.setId("asciiPreviewText");
    text.setEditable(false);
    text.setFont(Font.font("Monospaced", 12));
    text.setPrefSize(860, 560);
    text.textProperty().bind(vm.textProperty());
    ChoiceBox<Charset> charset = new ChoiceBox<>();
    charset.getItems().setAll(Charset.values());
    charset.valueProperty().bindBidirectional(vm.charsetProperty());
    ChoiceBox<DiagramStyle> style = new ChoiceBox<>();
    style.setId("asciiPreviewStyle");
    style.getItems().setAll(DiagramStyle.values());
    style.setConverter(new javafx.util.StringConverter<>() {
      @Override
      public String toString(DiagramStyle s) {
        return s == null ? "" : s == DiagramStyle.COMPACT ? "Compact" : "Full";
      }

      @Override
      public DiagramStyle fromString(String text) {
        return DiagramStyle.parse(text.toLowerCase(java.util.Locale.ROOT));
      }
    });
    style.valueProperty().bindBidirectional(vm.styleProperty());
    Spinner<Integer> width = new Spinner<>(20, 400, 100, 10);
    width.valueProperty().addListener((o, a, b) -> vm.widthProperty().set(b));
    Button copy = new Button("Copy");
    copy.setId("asciiPreviewCopy");
    copy.setDefaultButton(true);
    copy.setOnAction(e -> {
      ClipboardContent c = new ClipboardContent();
      c.putString(vm.textProperty().get());
      Clipboard.getSystemClipboard().setContent(c);
    });
    Button save = new Button("Save...");
    save.setId("asciiPreviewSave");
    save.setOnAction(e -> saveDiagram(owner, vm, documentName));
    HBox bar = new HBox(8, new Label("Characters"), charset, new Label("Style"), style, new Label("Width"), width,
        copy, save);
    d.getDialogPane().setContent(new BorderPane(text, bar, null, null, null));
    d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    d.showAndWait();
  }

  /** The diagram as shown, to a .txt file the user picks; a failure is shown, not just logged. */
  private static void saveDiagram(Window owner, AsciiPreviewViewModel vm, String documentName) {
    javafx.stage.FileChooser c = new javafx.stage.FileChooser();
    c.setTitle("Save diagram as text");
    c.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Text file", "*.txt"));
    c.setInitialFileName(dev.patchbay.app.designer.export.ExportFiles.suggestedName(documentName, "txt"));
    java.io.File f = c.showSaveDialog(owner);
    if (f == null) {
      return;
    }
    java.nio.file.Path file = dev.patchbay.app.designer.export.ExportFiles.withExtension(f.toPath(), "txt");
    vm.saveTo(file).ifPresent(why -> {
      javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, why,
          ButtonType.OK);
      a.initOwner(owner);
      a.setHeaderText("Cannot save " + file.getFileName());
      a.getDialogPane().setId("errorDialog");
      a.show();
    });
  }
}
