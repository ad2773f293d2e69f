package dev.patchbay.app.designer.lab;

import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LabService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One up through the lab service: its request, its progress on the way, and the user's Cancel. The
 * worker waits in {@link #call} for the answer while the FX thread may {@link #cancel}; a Cancel
 * pressed before the up has begun goes out with its first progress step.
 */
final class ApplyRun {
  private final LabService.UpRequest request;
  private final ApplyProgressViewModel progress;
  private final AtomicBoolean cancelSent = new AtomicBoolean();
  private volatile LabService service;
  private volatile boolean started;

  ApplyRun(LabService.UpRequest request, ApplyProgressViewModel progress) {
    this.request = request;
    this.progress = progress;
  }

  /** Where the steps go, for the status line. */
  static String describe(TargetSpec where) {
    return switch (where.kind()) {
      case SANDBOX -> "in a sandbox";
      case HOST -> "on this host";
      case NETNS -> "in network namespace " + where.namespace();
    };
  }

  /** Sends the up and waits for its answer, on the worker; each step goes to the bar. */
  LabService.UpAnswer call(LabService to) throws LabException {
    service = to;
    return to.up(request, (index, total, step) -> {
      started = true;
      progress.event(index, total, step);
      if (progress.cancelAsked()) {
        cancel();
      }
    });
  }

  /** Asks the service once to stop the up, as soon as it has begun (any thread). */
  void cancel() {
    LabService s = service;
    if (s == null || !started || !cancelSent.compareAndSet(false, true)) {
      return;
    }
    s.cancel();
  }
}
