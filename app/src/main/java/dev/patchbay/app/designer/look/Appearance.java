package dev.patchbay.app.designer.look;

/** How the designer is drawn: light or dark colours, decided by a {@link ThemeChoice}. */
public enum Appearance {
  LIGHT,
  DARK
}
