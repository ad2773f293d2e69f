package dev.patchbay.app.designer;

import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.app.designer.look.ThemeViewModel;
import dev.patchbay.model.check.rules.StandardRules;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The designer application; a .json file given on the command line is opened at start. */
public final class DesignerApp extends Application {
  @Override
  public void start(Stage stage) {
    DesignerWindow window = new DesignerWindow(stage, StandardRules.validator(), new SecureRandom(), RecentFiles.forUser(),
        ThemeViewModel.forUser());
    List<String> args = getParameters().getRaw();
    stage.show();
    FirstFrameProbe.installIfAsked();
    if (!args.isEmpty()) {
      window.files().open(Path.of(args.get(0)));
    }
  }
}
