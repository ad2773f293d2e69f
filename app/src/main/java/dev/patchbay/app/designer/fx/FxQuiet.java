package dev.patchbay.app.designer.fx;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JavaFX warns at every start that its classes come from the class path ("Unsupported JavaFX
 * configuration"), which is how a single runnable jar has to carry them. That says nothing a user
 * can act on and reads like an error on a command line. JavaFX logs it, like its other warnings
 * (style sheets, platform set-up: matters for Patchbay's developers, who run with -Djava.util.logging
 * settings of their own), through its logger "javafx", which is set to show only severe messages.
 */
public final class FxQuiet {
  /** Held so the logger and its level are not garbage collected. */
  private static final Logger PLATFORM = Logger.getLogger("javafx");

  private FxQuiet() {}

  public static void classPathWarning() {
    PLATFORM.setLevel(Level.SEVERE);
  }
}
