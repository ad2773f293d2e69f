package dev.patchbay.app.designer.lab;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The progress bar of a running apply: which step of how many runs now, and the user's Cancel. The
 * agent sends one event per step from the lab's worker thread; a 660-step lab sends them in a
 * fraction of a second, so only the latest event waiting for the FX thread is shown (one runLater
 * at a time, not one per step).
 */
public final class ApplyProgressViewModel {
  private final Executor fx;
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
  private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(false);
  private final AtomicBoolean cancelAsked = new AtomicBoolean();
  private final AtomicReference<Step> latest = new AtomicReference<>();
  private final AtomicBoolean posted = new AtomicBoolean();
  private Runnable onCancel = () -> { };

  /** One step the service announced. */
  private record Step(int index, int total, String text) {}

  ApplyProgressViewModel(Executor fx) {
    this.fx = fx;
  }

  /** Who passes a Cancel on to the agent at once (the lab view model). */
  void onCancel(Runnable action) {
    this.onCancel = action;
  }

  /** A new apply begins: no step known yet (the bar is indeterminate while the sandbox is made). */
  void start(String what) {
    cancelAsked.set(false);
    latest.set(null);
    running.set(true);
    cancelling.set(false);
    fraction.set(-1);
    stepText.set(what);
  }

  /** The apply answered (done, failed or cancelled): the bar goes away. */
  void finish() {
    running.set(false);
    cancelling.set(false);
  }

  /** Step {@code index} of {@code total} is about to run: on the worker thread. */
  void event(int index, int total, String step) {
    latest.set(new Step(index, total, step));
    if (!posted.getAndSet(true)) {
      fx.execute(this::showLatest);
    }
  }

  private void showLatest() {
    posted.set(false);
    Step e = latest.get();
    if (e == null || !running.get()) {
      return;
    }
    int total = Math.max(1, e.total());
    fraction.set((double) e.index() / total);
    if (!cancelling.get()) {
      stepText.set(text(e.index(), total, e.text()));
    }
  }

  static String text(int index, int total, String step) {
    return "Step " + (index + 1) + " of " + total + ": " + step;
  }

  /** The Cancel button: the apply stops before its next step and undoes the steps it did. */
  public void cancel() {
    if (!running.get() || cancelAsked.getAndSet(true)) {
      return;
    }
    cancelling.set(true);
    stepText.set("Cancelling: stopping before the next step, then undoing what was done...");
    onCancel.run();
  }

  /** Read on the worker: has the user asked to cancel? */
  boolean cancelAsked() {
    return cancelAsked.get();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Done share of the steps, 0..1, or -1 (indeterminate) before the first step. */
  public ReadOnlyDoubleProperty fractionProperty() {
    return fraction.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty stepTextProperty() {
    return stepText.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty cancellingProperty() {
    return cancelling.getReadOnlyProperty();
  }
}
