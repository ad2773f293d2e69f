package dev.patchbay.backends.apply;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A separate apply process for the kill -9 test: applies a sample into a namespace and, just before
 * step N runs, prints "READY" and blocks until it is killed.
 * Arguments: STATE_DIR LAB NETNS SAMPLE N [CONFIRM_SECONDS]; with a countdown, no watcher is started
 * (the test plays the watcher).
 */
public final class ApplyUntilKilled {
  private ApplyUntilKilled() {}

  public static void main(String[] args) throws Exception {
    int stopAt = Integer.parseInt(args[4]);
    CountDownLatch never = new CountDownLatch(1);
    int confirm = args.length > 5 ? Integer.parseInt(args[5]) : 0;
    new Labs(Path.of(args[0])).withWatcher(lab -> { }).withFaults((i, step) -> {
      if (i == stopAt) {
        System.out.println("READY");
        System.out.flush();
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }).up(LabFixture.sample(args[3]), args[1], TargetSpec.netns(args[2]), confirm, args[3]);
  }
}
