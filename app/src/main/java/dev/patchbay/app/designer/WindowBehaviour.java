package dev.patchbay.app.designer;

import java.io.File;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;

/** Window-level behaviour: closing asks about unsaved changes; a file dropped on the window opens. */
final class WindowBehaviour {
  private final FileActions files;
  private final Runnable closeLab;

  /**
   * {@code closeLab} runs when the window closes: a live lab stays up; `patchbay down LAB` or the
   * next session removes it.
   */
  WindowBehaviour(FileActions files, Runnable closeLab) {
    this.files = files;
    this.closeLab = closeLab;
  }

  void install(Stage stage, Scene scene) {
    stage.setOnCloseRequest(e -> {
      if (!files.confirmDiscard()) {
        e.consume();
      }
    });
    // Quit hides the window, closing it does too: either way the agent and, for the rootless
    // sandbox, the user's keeper (once no lab is left) go with the designer.
    stage.setOnHidden(e -> closeLab.run());
    scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
      if (e.getDragboard().hasFiles()) {
        e.acceptTransferModes(TransferMode.COPY);
        e.consume();
      }
    });
    scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
      List<File> dropped = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
      boolean opened = !dropped.isEmpty() && files.confirmDiscard() && files.open(dropped.get(0).toPath());
      e.setDropCompleted(opened);
      e.consume();
    });
  }
}
