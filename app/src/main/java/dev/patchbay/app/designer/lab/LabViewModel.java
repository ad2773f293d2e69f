package dev.patchbay.app.designer.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.app.designer.live.LiveCountersViewModel;
import dev.patchbay.app.lab.AgentConnection;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The designer's running lab: applies the design in a sandbox (or, opted into, on this host) through
 * the agent with a progress bar and Cancel, counts down a confirm-or-revert deadline when the
 * changes can cut the host off, then polls the lab's per-link counters onto the canvas, and tears
 * it down. Agent calls run on a worker; results come back through {@code fx} (Platform.runLater in
 * the designer).
 */
public final class LabViewModel {
  /** Where the design stands with respect to the world. */
  public enum State { DESIGN, APPLYING, LIVE, TEARING_DOWN, VERIFYING }

  /** Opens a connection to the agent (starting its process) when first needed. */
  public interface AgentFactory {
    AgentConnection open() throws IOException;
  }

  private final AgentFactory factory;
  private final ScheduledExecutorService worker;
  private final Executor fx;
  private final LiveCountersViewModel counters;
  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.DESIGN);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final javafx.beans.property.ReadOnlyIntegerWrapper refreshHz = new javafx.beans.property.ReadOnlyIntegerWrapper(1);
  private final javafx.collections.ObservableMap<String, String[]> guestStates =
      javafx.collections.FXCollections.observableHashMap();
  private volatile AgentConnection agent;
  /** When guest states were last asked for: they change once per boot, so once a second is plenty. */
  private long guestsAskedNanos = Long.MIN_VALUE / 2;
  private ScheduledFuture<?> polling;
  private ScheduledFuture<?> countdown;
  private String lab;
  private ObjectNode topologyJson;
  private final ApplyProgressViewModel progress;
  /** The apply in progress (or the last one): where a Cancel goes. */
  private volatile ApplyRun running;
  private final ConfirmBannerViewModel confirmation;

  public LabViewModel(AgentFactory factory, ScheduledExecutorService worker, Executor fx, LiveCountersViewModel counters) {
    this(factory, worker, fx, counters, System::currentTimeMillis);
  }

  /** {@code clock} (epoch milliseconds) counts the confirm-or-revert deadline down; tests set it. */
  public LabViewModel(AgentFactory factory, ScheduledExecutorService worker, Executor fx, LiveCountersViewModel counters,
      java.util.function.LongSupplier clock) {
    this.factory = factory;
    this.worker = worker;
    this.fx = fx;
    this.counters = counters;
    this.progress = new ApplyProgressViewModel(fx);
    progress.onCancel(() -> {
      ApplyRun run = running;
      if (run != null) {
        run.cancel();
      }
    });
    this.confirmation = new ConfirmBannerViewModel(this, fx, clock);
  }

  /** The progress bar and Cancel button of a running apply. */
  public ApplyProgressViewModel progress() {
    return progress;
  }

  /** The confirm-or-revert countdown banner. */
  public ConfirmBannerViewModel confirmation() {
    return confirmation;
  }

  /** How often the wires' counters refresh: 1 to 10 times a second (default 1). */
  public javafx.beans.property.ReadOnlyIntegerProperty refreshHzProperty() {
    return refreshHz.getReadOnlyProperty();
  }

  /** Sets the refresh rate; a running lab's polling follows at once. */
  public void setRefreshHz(int hz) {
    if (hz < 1 || hz > 10) {
      throw new IllegalArgumentException("counters refresh 1 to 10 times a second, not " + hz);
    }
    refreshHz.set(hz);
    if (polling != null && state.get() == State.LIVE) {
      polling.cancel(false);
      polling = worker.scheduleWithFixedDelay(this::pollOnce, 0, 1000 / refreshHz.get(), TimeUnit.MILLISECONDS);
    }
  }

  /** Applies the design as lab {@code labName} in a fresh sandbox, then starts polling its counters. */
  public void apply(Topology t, String labName) {
    apply(t, labName, TargetSpec.sandbox(), 0);
  }

  /**
   * Applies the design as lab {@code labName} to {@code where}, step by step with progress; changes
   * that can cut the host off revert after {@code confirmSeconds} unless confirmed (0: no countdown).
   */
  public void apply(Topology t, String labName, TargetSpec where, int confirmSeconds) {
    if (state.get() != State.DESIGN) {
      return;
    }
    state.set(State.APPLYING);
    status.set("Applying " + labName + " " + ApplyRun.describe(where) + "...");
    progress.start("Preparing " + ApplyRun.describe(where) + "...");
    ObjectNode topology = AgentJson.topology(t);
    ApplyRun run = new ApplyRun(labName, topology, where, confirmSeconds, progress,
        m -> fx.execute(() -> status.set(m)));
    running = run;
    worker.execute(() -> {
      try {
        JsonNode answer = run.call(agent());
        fx.execute(() -> applied(labName, topology, answer));
      } catch (IOException e) {
        fx.execute(() -> failed("Cannot apply: " + e.getMessage()));
      }
    });
  }

  private void applied(String labName, ObjectNode topology, JsonNode answer) {
    boolean cancelAsked = progress.cancelAsked();
    progress.finish();
    if (answer.path("cancelled").asBoolean()) {
      failed("Apply cancelled: lab " + labName + " was rolled back to where it was before Apply ("
          + answer.path("error").asText() + ")");
      return;
    }
    if (!answer.path("ok").asBoolean()) {
      failed("Cannot apply: " + answer.path("error").asText());
      return;
    }
    lab = labName;
    topologyJson = topology;
    state.set(State.LIVE);
    status.set((cancelAsked ? "Apply finished before Cancel took effect: " : "") + "Lab " + labName + " is up ("
        + answer.path("where").asText() + "); counters refresh " + refreshHz.get() + "x a second");
    polling = worker.scheduleWithFixedDelay(this::pollOnce, 0, 1000 / refreshHz.get(), TimeUnit.MILLISECONDS);
    if (answer.has("confirmBy")) {
      confirmation.start(labName, answer.path("confirmBy").asLong());
      countdown = worker.scheduleWithFixedDelay(confirmation::tick, 1, 1, TimeUnit.SECONDS);
    }
  }

  private void failed(String message) {
    progress.finish();
    state.set(State.DESIGN);
    status.set(message);
  }

  /** One agent call, on the worker (the banner's countdown asks through here). */
  JsonNode agentCall(ObjectNode request) throws IOException {
    return agent().call(request);
  }

  /** An agent call that may fail, run on the worker; a failure's message becomes the status. */
  interface AgentTask {
    void run() throws IOException;
  }

  void onWorker(AgentTask task, java.util.function.Function<IOException, String> onError) {
    worker.execute(() -> {
      try {
        task.run();
      } catch (IOException e) {
        fx.execute(() -> status.set(onError.apply(e)));
      }
    });
  }

  /** A status line, on the FX thread. */
  void say(String message) {
    status.set(message);
  }

  /** The lab was confirmed (here or by `patchbay confirm`): the countdown ends, the lab stays live. */
  void confirmed(String message) {
    stopCountdown();
    status.set(message);
  }

  /** The agent's watcher reverted the lab: leave live mode as a tear down would, with its own message. */
  void revertedByItself(String name, String message) {
    if (!name.equals(lab) || state.get() != State.LIVE) {
      return;
    }
    stopCountdown();
    if (polling != null) {
      polling.cancel(false);
    }
    counters.clear();
    guestStates.clear();
    state.set(State.DESIGN);
    status.set(message);
  }

  private void stopCountdown() {
    if (countdown != null) {
      countdown.cancel(false);
      countdown = null;
    }
  }

  /** One poll: the agent's per-link readings become a snapshot on the canvas. */
  void pollOnce() {
    try {
      ObjectNode ask = AgentJson.request("counters").put("lab", lab);
      ask.set("topology", topologyJson);
      JsonNode answer = agent().call(ask);
      if (answer.path("ok").asBoolean()) {
        CounterSnapshot s = AgentAnswers.snapshot(answer);
        fx.execute(() -> counters.show(s));
        if (System.nanoTime() - guestsAskedNanos >= 1_000_000_000L) {
          guestsAskedNanos = System.nanoTime();
          java.util.Map<String, String[]> states = guests();
          // Updated in place, not cleared and refilled: a reader between the two saw no guest at all.
          fx.execute(() -> {
            guestStates.keySet().retainAll(states.keySet());
            guestStates.putAll(states);
          });
        }
      } else {
        sayWhileLive("Counters unavailable: " + answer.path("error").asText());
      }
    } catch (IOException e) {
      sayWhileLive("Counters unavailable: " + e.getMessage());
    }
  }

  /** A poll already running when the lab left live mode (reverted, torn down) must not overwrite why. */
  private void sayWhileLive(String message) {
    fx.execute(() -> {
      if (state.get() == State.LIVE) {
        status.set(message);
      }
    });
  }

  /** Each guest's state and QEMU's last stderr lines, by guest name. */
  private java.util.Map<String, String[]> guests() throws IOException {
    return AgentAnswers.guestStates(agent().call(AgentJson.request("guests").put("lab", lab)));
  }

  /** A running guest's serial console (its last 16 KiB), or the reason there is none. */
  public void console(String guestName, java.util.function.Consumer<String> onText) {
    if (state.get() != State.LIVE) {
      onText.accept("No lab is running: apply the design first (Lab > Apply in Sandbox).");
      return;
    }
    worker.execute(() -> {
      String text;
      try {
        JsonNode a = agent().call(AgentJson.request("console").put("lab", lab).put("guest", guestName));
        text = a.path("ok").asBoolean() ? a.path("text").asText() : a.path("error").asText();
      } catch (IOException e) {
        text = e.getMessage();
      }
      String shown = text;
      fx.execute(() -> onText.accept(shown));
    });
  }

  /**
   * Verifies the design with real packets: a throwaway sandbox, probe guests, every matrix cell
   * probed; the report ({"cells":[...]}) goes to {@code onReport}. Takes about half a minute.
   */
  public void verify(Topology t, String labName, java.util.function.Consumer<JsonNode> onReport) {
    if (state.get() != State.DESIGN) {
      return;
    }
    state.set(State.VERIFYING);
    status.set("Verifying " + labName + " with real packets (boots probe guests; about 30 s)...");
    ObjectNode ask = AgentJson.request("verify").put("lab", labName);
    ask.set("topology", AgentJson.topology(t));
    worker.execute(() -> {
      try {
        JsonNode a = agent().call(ask);
        fx.execute(() -> {
          state.set(State.DESIGN);
          if (a.path("ok").asBoolean()) {
            JsonNode report = a.path("report");
            status.set("Verified: " + report.path("cells").size() + " cells, " + report.path("disagreements").asInt()
                + " disagree, " + report.path("untested").asInt() + " untested");
            onReport.accept(report);
          } else {
            status.set("Cannot verify: " + a.path("error").asText());
          }
        });
      } catch (IOException e) {
        fx.execute(() -> {
          state.set(State.DESIGN);
          status.set("Cannot verify: " + e.getMessage());
        });
      }
    });
  }

  /** Each running guest's [state, QEMU's last stderr lines], by guest name; empty in design mode. */
  public javafx.collections.ObservableMap<String, String[]> guestStates() {
    return guestStates;
  }

  /** Cuts (up=false) or restores a link of the running lab; a cut link is drawn dashed. */
  public void setLink(String linkId, boolean up) {
    if (state.get() != State.LIVE) {
      return;
    }
    ObjectNode ask = AgentJson.request("link").put("lab", lab).put("link", linkId).put("up", up);
    ask.set("topology", topologyJson);
    worker.execute(() -> {
      try {
        JsonNode answer = agent().call(ask);
        fx.execute(() -> {
          if (answer.path("ok").asBoolean()) {
            if (up) {
              counters.cutLinks().remove(linkId);
            } else {
              counters.cutLinks().add(linkId);
            }
            status.set(answer.path("result").asText());
          } else {
            status.set("Cannot " + (up ? "restore " : "cut ") + linkId + ": " + answer.path("error").asText());
          }
        });
      } catch (IOException e) {
        fx.execute(() -> status.set("Cannot " + (up ? "restore " : "cut ") + linkId + ": " + e.getMessage()));
      }
    });
  }

  public boolean isCut(String linkId) {
    return counters.cutLinks().contains(linkId);
  }

  /** Takes the lab down: stops polling, removes everything it made, and leaves live mode. */
  public void tearDown() {
    tearDown(null);
  }

  /** As {@link #tearDown()}; {@code doneMessage} (when not null) is the status once it is down. */
  void tearDown(String doneMessage) {
    if (state.get() != State.LIVE) {
      return;
    }
    stopCountdown();
    confirmation.stop();
    state.set(State.TEARING_DOWN);
    status.set("Tearing down " + lab + "...");
    if (polling != null) {
      polling.cancel(false);
    }
    String name = lab;
    worker.execute(() -> {
      try {
        JsonNode answer = agent().call(AgentJson.request("down").put("lab", name));
        fx.execute(() -> {
          counters.clear();
          guestStates.clear();
          state.set(State.DESIGN);
          status.set(!answer.path("ok").asBoolean() ? "Tear down of " + name + " failed: "
              + answer.path("error").asText() : doneMessage != null ? doneMessage : "Lab " + name + " is down");
        });
      } catch (IOException e) {
        fx.execute(() -> status.set("Tear down of " + name + " failed: " + e.getMessage()));
      }
    });
  }

  private AgentConnection agent() throws IOException {
    if (agent == null) {
      agent = factory.open();
    }
    return agent;
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public String lab() {
    return lab;
  }

  /** Closes the agent connection (the designer is closing; a live lab stays up for `patchbay down`). */
  public void close() {
    stopCountdown();
    if (polling != null) {
      polling.cancel(false);
    }
    worker.shutdown();
    if (agent != null) {
      agent.close();
    }
  }
}
