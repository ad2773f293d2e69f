package dev.patchbay.app.designer.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentFilesTest {
  private final Preferences node = Preferences.userRoot().node("dev/patchbay/test/recent-" + ProcessHandle.current().pid());

  @AfterEach
  void dropNode() throws Exception {
    node.removeNode();
  }

  @Test
  void reopeningAFileMovesItToTheTopWithoutDuplicates() {
    RecentFiles recent = new RecentFiles(node);
    recent.remember(Path.of("/a.json"));
    recent.remember(Path.of("/b.json"));
    recent.remember(Path.of("/a.json"));
    assertEquals(List.of(Path.of("/a.json"), Path.of("/b.json")), recent.list());
  }
}
