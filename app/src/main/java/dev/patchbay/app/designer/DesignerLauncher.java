package dev.patchbay.app.designer;

import dev.patchbay.app.designer.fx.FxQuiet;
import javafx.application.Application;

/** Starts the JavaFX designer; kept apart so the command line never loads JavaFX. */
public final class DesignerLauncher {
  private DesignerLauncher() {}

  public static void launch(String[] args) {
    FxQuiet.classPathWarning();
    renderingSettings();
    DesignerApp.readDesktopAppearance();
    Application.launch(DesignerApp.class, args);
  }

  /**
   * Set before the toolkit starts (Prism reads them once). Region backgrounds are painted as fills
   * rather than stretched from a cached image of each: in software rendering, a frame that repaints
   * the window spent most of its time stretching those images (a pan of 2,000 nodes: 31.6 ms median
   * a frame with the cache, 10.2 ms without); with a GPU both are cheap. A value given on the
   * command line wins.
   */
  public static void renderingSettings() {
    if (System.getProperty("prism.disableRegionCaching") == null) {
      System.setProperty("prism.disableRegionCaching", "true");
    }
  }
}
