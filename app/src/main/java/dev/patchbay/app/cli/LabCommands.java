package dev.patchbay.app.cli;

import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LocalLabService;
import java.io.IOException;

/** The lab service the lab commands share (the same the agent serves), and its failures as exit codes. */
final class LabCommands {
  private LabCommands() {}

  /** The lab service on this user's labs, with the detached revert watcher for countdowns. */
  static LocalLabService service() throws IOException {
    return new LocalLabService(Labs.standard().withWatcher(RevertWatchCli::startDetached));
  }

  /** The exit code of a failed lab operation: 2 no such lab or refused input, 5 busy, 3 anything else. */
  static int exitCode(LabException e) {
    return switch (e.reason()) {
      case NOT_FOUND, REFUSED -> PatchbayCli.UNREADABLE;
      case BUSY -> PatchbayCli.BUSY;
      case TOO_LATE -> ConfirmCli.TOO_LATE;
      default -> UpCli.APPLY_FAILED;
    };
  }
}
