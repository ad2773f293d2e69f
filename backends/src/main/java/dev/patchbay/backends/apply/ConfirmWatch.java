package dev.patchbay.backends.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Confirm-or-revert, like {@code netplan try}: after an apply that can cut the host off, the lab is
 * kept only if {@code patchbay confirm LAB} writes the confirmation file before the deadline in the
 * journal; otherwise the whole lab is taken down. Runs in a detached process (see the CLI's
 * {@code __revert-watch}) so that it survives the terminal or ssh session the change may have cut.
 */
public final class ConfirmWatch {
  public enum Outcome { CONFIRMED, REVERTED, GONE }

  private static final long POLL_MILLIS = 200;

  private ConfirmWatch() {}

  public static Outcome await(Labs labs, String lab) throws IOException, InterruptedException {
    Journal journal = labs.journal(lab);
    Path confirmation = labs.confirmationFile(lab);
    while (true) {
      if (!journal.exists()) {
        return Outcome.GONE;
      }
      LabRecord record = LabRecord.read(lab, journal);
      if (Files.exists(confirmation)) {
        journal.append(journal.entry("confirmed"));
        Files.deleteIfExists(confirmation);
        return Outcome.CONFIRMED;
      }
      if (!record.awaitingConfirmation()) {
        return Outcome.CONFIRMED;
      }
      if (System.currentTimeMillis() >= record.confirmBy() && !record.stillApplying()) {
        labs.down(lab);
        return Outcome.REVERTED;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
