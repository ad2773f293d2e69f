package dev.patchbay.app.designer.ui;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How the designer's UI tests wait: on a condition, never a sleep, with a limit generous enough for
 * a busy machine, then for the FX events the condition's change queued.
 */
final class UiWait {
  private UiWait() {}

  static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
