package dev.patchbay.app;

import dev.patchbay.app.cli.PatchbayCli;

/**
 * Entry point of patchbay.jar. With no argument it opens the designer, with one argument ending in
 * .json it opens the designer on that file; with a sub-command it runs headless and never touches
 * the display. Not a JavaFX Application itself, so the shaded jar starts
 * without the module path.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0 || opensDesigner(args)) {
      dev.patchbay.app.designer.DesignerLauncher.launch(args);
      return;
    }
    System.exit(PatchbayCli.run(args));
  }

  /** {@code patchbay lab.json}: one non-option argument naming a design file, not a sub-command. */
  static boolean opensDesigner(String[] args) {
    return args.length == 1 && args[0].endsWith(".json") && !args[0].startsWith("-");
  }
}
