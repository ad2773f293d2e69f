package dev.patchbay.app.designer.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Window;

/** The Help menu's windows: the keys, the file format, and About. Each opens without blocking the designer. */
public final class HelpDialogs {
  /** Where the build puts model/FORMAT.md (see app/pom.xml), so the text travels inside the program. */
  static final String FORMAT_RESOURCE = "/docs/FORMAT.md";
  private final Window owner;

  public HelpDialogs(Window owner) {
    this.owner = owner;
  }

  /** Every key of the designer, one row per action. */
  public void shortcuts(List<ShortcutList.Row> rows) {
    TableView<ShortcutList.Row> table = new TableView<>();
    table.setId("shortcutsTable");
    TableColumn<ShortcutList.Row, String> action = new TableColumn<>("Action");
    action.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
    action.setPrefWidth(320);
    TableColumn<ShortcutList.Row, String> keys = new TableColumn<>("Keys");
    keys.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keys()));
    keys.setPrefWidth(180);
    table.getColumns().add(action);
    table.getColumns().add(keys);
    table.getItems().setAll(rows);
    table.setPrefSize(540, 460);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Label mouse = new Label("With the mouse on the canvas: drag from one port to another to wire them, drag a box to"
        + " move it, drag over the background to select, drag with the middle button to pan, turn the wheel to zoom.");
    mouse.setWrapText(true);
    mouse.setMaxWidth(540);
    show("shortcutsDialog", "Keyboard Shortcuts", "The keys of the designer's actions; the menus show them too.",
        new VBox(8, table, mouse));
  }

  /** The topology file format, as model/FORMAT.md describes it. */
  public void fileFormat() {
    TextArea text = new TextArea(formatText());
    text.setId("fileFormatText");
    text.setEditable(false);
    text.setWrapText(true);
    text.setFont(Font.font("Monospaced", 12));
    text.setPrefSize(860, 600);
    show("fileFormatDialog", "File Format", "What a Patchbay design file (.json) holds, field by field.", text);
  }

  public void about() {
    TextArea text = new TextArea(AboutInfo.text());
    text.setId("aboutText");
    text.setEditable(false);
    text.setWrapText(true);
    text.setPrefSize(640, 340);
    show("aboutDialog", "About Patchbay", "Patchbay " + AboutInfo.version(), text);
  }

  /** The text of FORMAT.md as packaged with the program. */
  static String formatText() {
    try (InputStream in = HelpDialogs.class.getResourceAsStream(FORMAT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(FORMAT_RESOURCE + " is not packaged with the program");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void show(String id, String title, String header, javafx.scene.Node content) {
    Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
    a.initOwner(owner);
    a.setTitle(title);
    a.setHeaderText(header);
    a.setGraphic(null);
    a.getDialogPane().setContent(content);
    a.getDialogPane().setId(id);
    a.setResizable(true);
    a.show();
  }
}
