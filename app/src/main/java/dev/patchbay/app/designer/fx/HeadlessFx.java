package dev.patchbay.app.designer.fx;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;

/**
 * Runs JavaFX work from the command line. With a display it starts the normal toolkit; without one
 * (a server, CI) it selects Monocle's headless platform with software rendering, which the jar
 * ships for exactly this.
 */
public final class HeadlessFx {
  private static final long TIMEOUT_SECONDS = 60;
  private static boolean started;

  private HeadlessFx() {}

  public static <T> T call(Callable<T> work) throws IOException {
    start();
    FutureTask<T> task = new FutureTask<>(work);
    Platform.runLater(task);
    try {
      return task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while drawing", e);
    } catch (TimeoutException e) {
      throw new IOException("drawing took longer than " + TIMEOUT_SECONDS + " s", e);
    }
  }

  private static synchronized void start() {
    if (started) {
      return;
    }
    String display = System.getenv("DISPLAY");
    if ((display == null || display.isBlank()) && System.getProperty("glass.platform") == null) {
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
      System.setProperty("prism.order", "sw");
    }
    Platform.setImplicitExit(false);
    try {
      FxQuiet.classPathWarning();
      Platform.startup(() -> { });
    } catch (IllegalStateException alreadyRunning) {
      // The designer or a test started the toolkit already; run on it.
    }
    started = true;
  }
}
