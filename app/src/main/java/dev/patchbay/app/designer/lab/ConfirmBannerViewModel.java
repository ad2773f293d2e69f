package dev.patchbay.app.designer.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The confirm-or-revert banner, like {@code netplan try}: after an apply whose changes can cut this
 * machine off its network, the agent's detached watcher reverts the lab at a deadline unless it is
 * confirmed. The banner counts the seconds down, offers Keep Changes (the agent's {@code confirm})
 * and Revert Now (a tear down), and asks the agent once a second whether the lab is still waiting,
 * so that a revert by the watcher (or a {@code patchbay confirm LAB} from a terminal) shows here.
 */
public final class ConfirmBannerViewModel {
  private final LabViewModel lab;
  private final Executor fx;
  private final LongSupplier clock;
  private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper(0);
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private volatile String labName;
  private volatile long confirmBy;

  ConfirmBannerViewModel(LabViewModel lab, Executor fx, LongSupplier clock) {
    this.lab = lab;
    this.fx = fx;
    this.clock = clock;
  }

  /** The lab was applied with a deadline (epoch milliseconds): the countdown starts. On the FX thread. */
  void start(String name, long deadlineMillis) {
    labName = name;
    confirmBy = deadlineMillis;
    waiting.set(true);
    show(secondsLeft(clock.getAsLong()));
  }

  private int secondsLeft(long now) {
    return (int) Math.max(0, (confirmBy - now + 999) / 1000);
  }

  private void show(int seconds) {
    secondsLeft.set(seconds);
    text.set(seconds > 0
        ? "Lab " + labName + " changed this host in ways that can cut it off its network. Keep the changes, or"
            + " they revert by themselves in " + seconds + " s."
        : "Lab " + labName + " was not confirmed in time: reverting...");
  }

  /**
   * One second of the countdown, on the worker: asks the agent whether the lab still waits. Gone:
   * the watcher reverted it. Present and no longer waiting: confirmed elsewhere.
   */
  void tick() {
    if (!waiting.get()) {
      return;
    }
    String name = labName;
    int seconds = secondsLeft(clock.getAsLong());
    JsonNode answer;
    try {
      answer = lab.agentCall(AgentJson.request("labs"));
    } catch (IOException e) {
      fx.execute(() -> show(seconds));
      return;
    }
    JsonNode record = null;
    for (JsonNode l : answer.path("labs")) {
      if (l.path("lab").asText().equals(name)) {
        record = l;
      }
    }
    JsonNode found = record;
    fx.execute(() -> {
      if (!waiting.get() || !name.equals(labName)) {
        return;
      }
      if (answer.path("ok").asBoolean() && found == null) {
        waiting.set(false);
        lab.revertedByItself(name, "Lab " + name + " was not confirmed in time and reverted by itself: this host is"
            + " as it was before Apply.");
      } else if (found != null && !found.path("awaitingConfirmation").asBoolean()) {
        waiting.set(false);
        lab.confirmed("Lab " + name + " was confirmed: its host changes stay.");
      } else {
        show(seconds);
      }
    });
  }

  /** Keep Changes: tells the agent, whose watcher then stops waiting. */
  public void confirm() {
    if (!waiting.get()) {
      return;
    }
    String name = labName;
    lab.onWorker(() -> {
      JsonNode a = lab.agentCall(AgentJson.request("confirm").put("lab", name));
      fx.execute(() -> {
        if (a.path("ok").asBoolean()) {
          waiting.set(false);
          lab.confirmed("Kept: the host changes of lab " + name + " stay (confirmed).");
        } else if (a.path("tooLate").asBoolean()) {
          lab.say("Cannot keep lab " + name + ": " + a.path("error").asText() + ".");
        } else {
          lab.say("Cannot confirm " + name + ": " + a.path("error").asText() + "; it reverts at the deadline.");
        }
      });
    }, e -> "Cannot confirm " + name + ": " + e.getMessage() + "; it reverts at the deadline.");
  }

  /** Revert Now: takes the lab down at once instead of waiting for the deadline. */
  public void revertNow() {
    if (!waiting.get()) {
      return;
    }
    waiting.set(false);
    lab.tearDown("Reverted lab " + labName + " now: this host is as it was before Apply.");
  }

  /** The lab left live mode some other way (torn down): no banner. */
  void stop() {
    waiting.set(false);
  }

  public ReadOnlyBooleanProperty waitingProperty() {
    return waiting.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty secondsLeftProperty() {
    return secondsLeft.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }
}
