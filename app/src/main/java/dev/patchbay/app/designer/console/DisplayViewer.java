package dev.patchbay.app.designer.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The desktop's VNC viewer for a guest's display, found by absolute path: TigerVNC's
 * xtigervncviewer, which takes a unix socket's path as its server (its manual: "xtigervncviewer
 * [options] [unix socket]"; Debian 12's tigervnc-viewer 1.12). None installed: the user is told
 * which package brings one, and where the display listens.
 */
public final class DisplayViewer {
  static final Path TIGERVNC = Path.of("/usr/bin/xtigervncviewer");
  public static final String PACKAGE = "tigervnc-viewer";

  private DisplayViewer() {}

  /** The viewer's argument list for the display on {@code socket}, or empty when none is installed. */
  public static Optional<List<String>> command(Path socket, Predicate<Path> installed) {
    if (installed.test(TIGERVNC)) {
      return Optional.of(List.of(TIGERVNC.toString(), socket.toString()));
    }
    return Optional.empty();
  }

  /** Installed: a regular executable file. */
  public static boolean installed(Path program) {
    return Files.isRegularFile(program) && Files.isExecutable(program);
  }

  /** What the user reads when no viewer is installed. */
  public static String missing(Path socket) {
    return "No VNC viewer that opens a unix socket is installed: apt-get install " + PACKAGE
        + " (xtigervncviewer). The guest's display listens on " + socket + ".";
  }
}
