package dev.patchbay.app.designer;

import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Validator;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Topology;
import java.io.File;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The designer window. */
public final class DesignerApp extends Application {
  private final ListView<String> elements = new ListView<>();
  private final ListView<String> problems = new ListView<>();
  private Stage stage;

  @Override
  public void start(Stage primary) {
    this.stage = primary;
    MenuItem open = new MenuItem("Open...");
    open.setId("menuOpen");
    open.setOnAction(e -> chooseAndOpen());
    BorderPane root = new BorderPane(new SplitPane(elements, problems));
    root.setTop(new MenuBar(new Menu("File", null, open)));
    primary.setScene(new Scene(root, 900, 600));
    primary.setTitle("Patchbay");
    primary.show();
  }

  private void chooseAndOpen() {
    File f = new FileChooser().showOpenDialog(stage);
    if (f != null) {
      open(f);
    }
  }

  void open(File f) {
    try {
      Topology t = TopologyFiles.load(f.toPath());
      elements.getItems().setAll(t.elements().stream().map(DesignerApp::describe).toList());
      problems.getItems().setAll(Validator.standard().check(t).stream().map(Diagnostic::message).toList());
      stage.setTitle(t.name() + " - Patchbay");
    } catch (TopologyFileException ex) {
      new Alert(Alert.AlertType.ERROR, ex.getMessage()).showAndWait();
    }
  }

  private static String describe(Element e) {
    return e.kind().label() + "  " + e.name();
  }
}
