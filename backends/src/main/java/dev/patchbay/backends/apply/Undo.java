package dev.patchbay.backends.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.backends.netlink.Errno;
import dev.patchbay.backends.netlink.NetlinkException;
import dev.patchbay.model.plan.Step;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Set;

/**
 * Undoes one journalled step by running its inverse with the values saved for it. Undo is lenient
 * about what is already gone (the step may have been interrupted before it took effect, or a link's
 * deletion took its addresses and routes along): "no such device/address/route" counts as undone.
 */
final class Undo {
  /** ENODEV, ESRCH (no such route), EADDRNOTAVAIL (no such address), ENOENT. */
  private static final Set<Integer> ALREADY_GONE = Set.of(Errno.ENODEV, 3, 99, Errno.ENOENT);
  private final StepRunner runner;

  Undo(StepRunner runner) {
    this.runner = runner;
  }

  /** Steps whose failure may leave part of their effect behind, which their inverse removes safely. */
  static boolean undoEvenIfFailed(Step step) {
    return step instanceof Step.CreateTap || step instanceof Step.CreateBridge
        || step instanceof Step.ClearUplinkAddresses;
  }

  /** Runs the entry's inverse; false when there was nothing left to undo. */
  boolean undo(JsonNode entry) throws IOException {
    return undo(Journal.step(entry.path("step")), entry.path("saved"));
  }

  /** Runs the inverse of {@code step} with what was {@code saved} for it; false when it was already gone. */
  boolean undo(Step step, JsonNode saved) throws IOException {
    Step inverse = step.inverse();
    try {
      return !"already gone".equals(runner.runInverse(inverse, saved));
    } catch (NetlinkException e) {
      if (!ALREADY_GONE.contains(e.errno())) {
        throw e;
      }
      return false;
    } catch (NoSuchFileException e) {
      // a sysctl of an interface that is gone: nothing left to restore
      return false;
    }
  }
}
