package dev.patchbay.app.designer.document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last files opened or saved, newest first, kept in the user's preferences. */
public final class RecentFiles {
  private static final int LIMIT = 8;
  private final Preferences prefs;

  public RecentFiles(Preferences prefs) {
    this.prefs = prefs;
  }

  public static RecentFiles forUser() {
    return new RecentFiles(Preferences.userRoot().node("dev/patchbay/designer/recent"));
  }

  public List<Path> list() {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < LIMIT; i++) {
      String p = prefs.get("file" + i, null);
      if (p != null) {
        out.add(Path.of(p));
      }
    }
    return out;
  }

  /** Moves the file to the top of the list. */
  public void remember(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    List<Path> files = new ArrayList<>(list());
    files.remove(abs);
    files.add(0, abs);
    for (int i = 0; i < LIMIT; i++) {
      if (i < files.size()) {
        prefs.put("file" + i, files.get(i).toString());
      } else {
        prefs.remove("file" + i);
      }
    }
  }
}
