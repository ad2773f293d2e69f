package dev.patchbay.app.designer;

import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.app.designer.look.DesktopAppearance;
import dev.patchbay.app.designer.look.GnomeDesktopAppearance;
import dev.patchbay.app.designer.look.PrefetchedDesktopAppearance;
import dev.patchbay.app.designer.look.ThemeViewModel;
import dev.patchbay.model.check.rules.StandardRules;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The designer application; a .json file given on the command line is opened at start. */
public final class DesignerApp extends Application {
  /** The desktop's light-or-dark preference, being read since {@link #readDesktopAppearance}. */
  private static DesktopAppearance desktop;

  /** Starts reading the desktop's preference; called before the toolkit starts, which it overlaps. */
  static void readDesktopAppearance() {
    desktop = PrefetchedDesktopAppearance.start(new GnomeDesktopAppearance());
  }

  @Override
  public void start(Stage stage) {
    DesignerWindow window = new DesignerWindow(stage, StandardRules.validator(), new SecureRandom(), RecentFiles.forUser(),
        ThemeViewModel.forUser(desktop != null ? desktop : new GnomeDesktopAppearance()));
    List<String> args = getParameters().getRaw();
    stage.show();
    FirstFrameProbe.installIfAsked();
    if (!args.isEmpty()) {
      window.files().open(Path.of(args.get(0)));
    }
  }
}
