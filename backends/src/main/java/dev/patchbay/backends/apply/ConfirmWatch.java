package dev.patchbay.backends.apply;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Confirm-or-revert, like {@code netplan try}: after an apply that can cut the host off, the lab is
 * kept only if {@code patchbay confirm LAB} comes before the deadline; otherwise the whole lab is taken
 * down. The countdown is announced before the first step ("confirm-pending": a watcher runs from
 * then on, so an apply killed halfway still reverts) and starts when the apply has finished
 * ("confirm-by"): guests that take a while to boot do not eat the window. A confirmation and the
 * watcher's decision are both taken under the lab's lock against the same deadline, so a confirmation
 * either wins (before the deadline) or is told it came too late; never "kept" while the revert runs.
 * The watcher runs in a detached process (see the CLI's {@code __revert-watch}) so that it survives the
 * terminal or ssh session the change may have cut.
 */
public final class ConfirmWatch {
  public enum Outcome { CONFIRMED, REVERTED, GONE }

  private static final long POLL_MILLIS = 200;
  /** How long a confirmation waits for the watcher (or a down) to let go of the lab. */
  private static final Duration CONFIRM_PATIENCE = Duration.ofSeconds(10);

  private ConfirmWatch() {}

  /** A confirmation that came after the deadline: the lab is being (or has been) reverted. */
  public static final class TooLateException extends IOException {
    TooLateException(String message) {
      super(message);
    }
  }

  /** Before the first step of an apply that needs a countdown. */
  static void announceCountdown(Journal journal, int seconds) throws IOException {
    journal.append(journal.entry("confirm-pending").put("seconds", seconds).put("pid", ProcessHandle.current().pid()));
  }

  /** When the apply has finished: the countdown runs from now. */
  static void startCountdown(Journal journal, int seconds) throws IOException {
    journal.append(journal.entry("confirm-by").put("deadline", System.currentTimeMillis() + seconds * 1000L)
        .put("pid", ProcessHandle.current().pid()));
  }

  static void confirm(Labs labs, String lab) throws IOException {
    try (LabLock lock = LabLock.acquire(labs.root(), lab, "confirm", CONFIRM_PATIENCE)) {
      Journal journal = labs.journal(lab);
      if (!journal.exists()) {
        throw new IOException("no lab named " + lab + ": it was never up, or it was reverted or taken down already");
      }
      LabRecord record = LabRecord.read(lab, journal);
      if (!record.awaitingConfirmation()) {
        throw new IOException("lab " + lab + " does not wait for a confirmation");
      }
      if (record.confirmBy() == 0) {
        throw new IOException("lab " + lab + "'s apply did not finish; nothing can be confirmed before it has");
      }
      if (System.currentTimeMillis() >= record.confirmBy()) {
        throw new TooLateException("too late: lab " + lab + "'s deadline passed at "
            + Instant.ofEpochMilli(record.confirmBy()) + "; its changes are being reverted");
      }
      journal.append(journal.entry("confirmed"));
    }
  }

  /**
   * Waits for the confirmation, the deadline or the end of the lab. Reverts at the deadline, and at
   * once when the apply that announced the countdown died before it finished.
   */
  public static Outcome await(Labs labs, String lab) throws IOException, InterruptedException {
    Journal journal = labs.journal(lab);
    while (true) {
      if (!journal.exists()) {
        return Outcome.GONE;
      }
      Optional<LabLock> lock = LabLock.tryAcquire(labs.root(), lab, "revert watch");
      if (lock.isPresent()) {
        try (LabLock held = lock.get()) {
          Optional<Outcome> decided = decide(labs, lab, journal);
          if (decided.isPresent()) {
            return decided.get();
          }
        }
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private static Optional<Outcome> decide(Labs labs, String lab, Journal journal) throws IOException {
    if (!journal.exists()) {
      return Optional.of(Outcome.GONE);
    }
    LabRecord.Countdown c = LabRecord.read(lab, journal).countdown();
    if (!c.waiting()) {
      return Optional.of(c.confirmed() ? Outcome.CONFIRMED : Outcome.GONE);
    }
    // The apply holds the lock from its announcement to its deadline: still pending under our lock
    // means it ended without finishing (killed, or its process died with the cut session).
    boolean applyDied = c.pending();
    if (applyDied || c.deadline() > 0 && System.currentTimeMillis() >= c.deadline()) {
      journal.append(journal.entry("reverting").put("why", applyDied ? "the apply died before it finished"
          : "not confirmed by the deadline"));
      labs.down(lab);
      return Optional.of(Outcome.REVERTED);
    }
    return Optional.empty();
  }
}
