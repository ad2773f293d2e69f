package dev.patchbay.app.designer;

import java.lang.management.ManagementFactory;
import java.util.logging.Logger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * For the start-up benchmark: with {@code -Dpatchbay.firstFrameProbe=true} the designer logs when
 * its first frame after showing the window is being drawn, then quits. Without the property it
 * does nothing.
 */
final class FirstFrameProbe {
  static final String PROPERTY = "patchbay.firstFrameProbe";
  private static final Logger LOG = Logger.getLogger(FirstFrameProbe.class.getName());

  private FirstFrameProbe() {}

  /** Call right after the stage is shown. */
  static void installIfAsked() {
    if (!Boolean.getBoolean(PROPERTY)) {
      return;
    }
    new AnimationTimer() {
      @Override
      public void handle(long now) {
        stop();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        LOG.info("first frame after " + uptime + " ms of JVM uptime");
        Platform.exit();
      }
    }.start();
  }
}
