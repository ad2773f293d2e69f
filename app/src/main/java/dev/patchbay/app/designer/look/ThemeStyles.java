package dev.patchbay.app.designer.look;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Puts an appearance on the designer: AtlantaFX's Primer theme as the application's user-agent
 * style sheet (so dialogs and menus follow too), and over patchbay.css the dark sheet, which
 * recolours the canvas and panels.
 */
public final class ThemeStyles {
  public static final String DARK_SHEET = "/assets/patchbay-dark.css";
  private static final String LIGHT_AGENT = new PrimerLight().getUserAgentStylesheetBSS();
  private static final String DARK_AGENT = new PrimerDark().getUserAgentStylesheetBSS();

  private ThemeStyles() {}

  /** Draws the scene as the model says now and whenever it changes. */
  public static void install(Scene scene, ThemeViewModel theme) {
    apply(scene, theme.appearanceProperty().get());
    theme.appearanceProperty().addListener((o, was, now) -> apply(scene, now));
  }

  /**
   * Sets the application's user-agent sheet alone. Called before the first control is made,
   * JavaFX never loads its own Modena sheet (a control's class loads it when none is set).
   */
  public static void applyAgentSheet(Appearance a) {
    Application.setUserAgentStylesheet(a == Appearance.DARK ? DARK_AGENT : LIGHT_AGENT);
  }

  /** Call on the FX thread. */
  public static void apply(Scene scene, Appearance a) {
    boolean dark = a == Appearance.DARK;
    applyAgentSheet(a);
    String sheet = ThemeStyles.class.getResource(DARK_SHEET).toExternalForm();
    if (dark && !scene.getStylesheets().contains(sheet)) {
      scene.getStylesheets().add(sheet);
    } else if (!dark) {
      scene.getStylesheets().remove(sheet);
    }
  }

  /** The light theme's user-agent sheet, for a scene that must look the same whatever the window's theme (an export). */
  public static String lightAgentSheet() {
    return LIGHT_AGENT;
  }
}
