package dev.patchbay.app.designer;

import java.lang.management.ManagementFactory;
import java.util.logging.Logger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * For the start-up benchmark: with {@code -Dpatchbay.firstFrameProbe=true} the designer logs when
 * its first frame after showing the window (and opening the file named on the command line) has
 * been drawn, then quits. Without the property it does nothing.
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
      private boolean first = true;

      /**
       * Timers run at the start of a pulse, before its CSS, layout and painting, and a pulse waits
       * for the previous frame to be painted: the second pulse is the first one after a whole frame.
       */
      @Override
      public void handle(long now) {
        if (first) {
          first = false;
          return;
        }
        stop();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        // CPU times too: on a busy machine the wall time is mostly waiting for a core.
        long fxCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        long cpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
            .getProcessCpuTime() / 1_000_000;
        LOG.info("first frame after " + uptime + " ms of JVM uptime (" + cpu + " ms of CPU, " + fxCpu
            + " ms of it on the FX thread)");
        Platform.exit();
      }
    }.start();
  }
}
