package dev.patchbay.app.designer.canvas;

import javafx.css.PseudoClass;

/** Pseudo-classes the canvas toggles; patchbay.css gives them their looks. */
public final class CanvasStyles {
  public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
  public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
  public static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
  /** Zoomed far out: shapes drawn plain (see {@link Viewport#OVERVIEW_ZOOM}). */
  public static final PseudoClass OVERVIEW = PseudoClass.getPseudoClass("overview");
  public static final PseudoClass VALID_TARGET = PseudoClass.getPseudoClass("valid-target");
  public static final PseudoClass NO_TARGET = PseudoClass.getPseudoClass("no-target");

  private CanvasStyles() {}
}
