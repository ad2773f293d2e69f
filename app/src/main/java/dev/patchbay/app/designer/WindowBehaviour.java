package dev.patchbay.app.designer;

import java.io.File;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;

/** Window-level behaviour: closing asks about unsaved changes; a file dropped on the window opens. */
final class WindowBehaviour {
  private final DesignerWindow window;
  private final Stage stage;

  WindowBehaviour(DesignerWindow window, Stage stage) {
    this.window = window;
    this.stage = stage;
  }

  void install(Scene scene) {
    stage.setOnCloseRequest(e -> {
      if (!window.files().confirmDiscard()) {
        e.consume();
      } else {
        window.lab().close(); // a live lab stays up; `patchbay down LAB` or the next session removes it
      }
    });
    scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
      if (e.getDragboard().hasFiles()) {
        e.acceptTransferModes(TransferMode.COPY);
        e.consume();
      }
    });
    scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
      List<File> dropped = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
      boolean opened = !dropped.isEmpty() && window.files().confirmDiscard()
          && window.files().open(dropped.get(0).toPath());
      e.setDropCompleted(opened);
      e.consume();
    });
  }
}
