package dev.patchbay.app.designer;

import javafx.application.Application;

/** Starts the JavaFX designer; kept apart so the command line never loads JavaFX. */
public final class DesignerLauncher {
  private DesignerLauncher() {}

  public static void launch(String[] args) {
    FxQuiet.classPathWarning();
    Application.launch(DesignerApp.class, args);
  }
}
