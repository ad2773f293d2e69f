package dev.patchbay.app.designer.canvas;

/** How Align lines up the selection, or Distribute spaces it out; each with its key. */
public enum Alignment {
  LEFT("Align left", "Alt+Shift+L"), TOP("Align top", "Alt+Shift+T"),
  CENTER_HORIZONTAL("Align centres horizontally", "Alt+Shift+H"),
  CENTER_VERTICAL("Align centres vertically", "Alt+Shift+V"),
  DISTRIBUTE_HORIZONTAL("Distribute horizontally", "Shortcut+Alt+Shift+H"),
  DISTRIBUTE_VERTICAL("Distribute vertically", "Shortcut+Alt+Shift+V");

  private final String label;
  private final String keys;

  Alignment(String label, String keys) {
    this.label = label;
    this.keys = keys;
  }

  public String label() {
    return label;
  }

  /** The shortcut, in KeyCombination form. */
  public String keys() {
    return keys;
  }

  /** Distribute spaces three or more elements evenly; the others line up two or more. */
  public boolean distributes() {
    return this == DISTRIBUTE_HORIZONTAL || this == DISTRIBUTE_VERTICAL;
  }
}
