package dev.patchbay.app.designer.canvas;

/** How Align lines up the selection. */
public enum Alignment {
  LEFT("Align left"), TOP("Align top"), CENTER_HORIZONTAL("Align centres horizontally"),
  CENTER_VERTICAL("Align centres vertically");

  private final String label;

  Alignment(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
