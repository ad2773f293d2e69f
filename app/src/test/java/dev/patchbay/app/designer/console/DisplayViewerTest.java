package dev.patchbay.app.designer.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which viewer opens a guest's display, and what the user reads when none is installed. */
class DisplayViewerTest {
  private static final Path SOCKET = Path.of("/run/pb/g1/display.sock");

  @Test
  void tigerVncsViewerOpensTheSocketByAbsolutePath() {
    assertEquals(List.of("/usr/bin/xtigervncviewer", "/run/pb/g1/display.sock"),
        DisplayViewer.command(SOCKET, p -> p.equals(DisplayViewer.TIGERVNC)).orElseThrow());
  }

  @Test
  void withNoViewerTheUserIsToldWhichPackageBringsOneAndWhereTheDisplayListens() {
    assertTrue(DisplayViewer.command(SOCKET, p -> false).isEmpty());
    String said = DisplayViewer.missing(SOCKET);
    assertTrue(said.contains("apt-get install tigervnc-viewer") && said.contains(SOCKET.toString()), said);
  }
}
