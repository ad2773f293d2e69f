package dev.patchbay.app.designer;

import java.io.File;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;

/** Window-level behaviour: closing asks about unsaved changes; files dropped on the window open or import. */
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
      // Read off the FX thread: the drop is taken now, what it becomes is shown when known.
      files.openDropped(dropped.stream().map(File::toPath).toList());
      e.setDropCompleted(!dropped.isEmpty());
      e.consume();
    });
  }
}
