package dev.patchbay.app.designer.look;

/** The user's choice in View > Theme: follow the desktop, or always light, or always dark. */
public enum ThemeChoice {
  SYSTEM("System"),
  LIGHT("Light"),
  DARK("Dark");

  private final String label;

  ThemeChoice(String label) {
    this.label = label;
  }

  /** What the menu calls it. */
  public String label() {
    return label;
  }
}
