package dev.patchbay.app.designer.lab;

import dev.patchbay.model.text.Counted;
import dev.patchbay.app.designer.live.LiveCountersViewModel;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LabService;
import dev.patchbay.backends.verify.VerifyReport;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.function.Consumer;
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
 * the lab service (the agent) with a progress bar and Cancel, counts down a confirm-or-revert deadline when the
 * changes can cut the host off, then polls the lab's per-link counters onto the canvas, and tears
 * it down. Service calls run on a worker; results come back through {@code fx} (Platform.runLater
 * in the designer). A poll names the lab only: the agent keeps the design it applied.
 */
public final class LabViewModel {
  /** Where the design stands with respect to the world. */
  public enum State { DESIGN, APPLYING, LIVE, TEARING_DOWN, VERIFYING }

  /**
   * Opens the lab service for one kind of target (starting the agent's process) when first needed:
   * the sandbox's needs no privilege, this host's asks for it.
   */
  public interface ServiceFactory {
    LabService open(TargetSpec.Kind kind) throws LabException;
  }

  private final ServiceFactory factory;
  private final ScheduledExecutorService worker;
  private final Executor fx;
  private final LiveCountersViewModel counters;
  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.DESIGN);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final javafx.beans.property.ReadOnlyIntegerWrapper refreshHz = new javafx.beans.property.ReadOnlyIntegerWrapper(1);
  private final javafx.collections.ObservableMap<String, LabService.GuestState> guestStates =
      javafx.collections.FXCollections.observableHashMap();
  /** One service per kind of privilege: the sandbox's (a user's own) and this host's (root's). */
  private final java.util.Map<Boolean, LabService> services = new java.util.concurrent.ConcurrentHashMap<>();
  /** The kind of target the running lab was applied to: its polls, cuts and tear down go to its service. */
  private volatile TargetSpec.Kind labKind = TargetSpec.Kind.SANDBOX;
  /** When guest states were last asked for: they change once per boot, so once a second is plenty. */
  private long guestsAskedNanos = Long.MIN_VALUE / 2;
  private ScheduledFuture<?> polling;
  private ScheduledFuture<?> countdown;
  private String lab;
  /** What Tear Down asks about the running lab (its name, where, what goes). */
  private TearDownQuestion tearDownQuestion;
  private final ApplyProgressViewModel progress;
  /** The apply in progress (or the last one): where a Cancel goes. */
  private volatile ApplyRun running;
  private final ConfirmBannerViewModel confirmation;

  public LabViewModel(ServiceFactory factory, ScheduledExecutorService worker, Executor fx,
      LiveCountersViewModel counters) {
    this(factory, worker, fx, counters, System::currentTimeMillis);
  }

  /** {@code clock} (epoch milliseconds) counts the confirm-or-revert deadline down; tests set it. */
  public LabViewModel(ServiceFactory factory, ScheduledExecutorService worker, Executor fx,
      LiveCountersViewModel counters, java.util.function.LongSupplier clock) {
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
    ApplyRun run = new ApplyRun(new LabService.UpRequest(labName, t, where, confirmSeconds, "designer"), progress);
    running = run;
    worker.execute(() -> {
      try {
        // Read from the design as applied: edits made while the lab runs change nothing it made.
        TearDownQuestion question = TearDownQuestion.of(labName, where.kind(), t);
        LabService.UpAnswer answer = run.call(service(where.kind()));
        fx.execute(() -> applied(labName, where.kind(), answer, question));
      } catch (LabException e) {
        fx.execute(() -> failed(e.reason() == LabException.Reason.CANCELLED
            ? "Apply cancelled: lab " + labName + " was rolled back to where it was before Apply (" + e.getMessage()
                + ")"
            : "Cannot apply: " + e.getMessage()));
      }
    });
  }

  private void applied(String labName, TargetSpec.Kind kind, LabService.UpAnswer answer, TearDownQuestion question) {
    boolean cancelAsked = progress.cancelAsked();
    progress.finish();
    lab = labName;
    tearDownQuestion = question;
    labKind = kind;
    state.set(State.LIVE);
    status.set((cancelAsked ? "Apply finished before Cancel took effect: " : "") + "Lab " + labName + " is up ("
        + answer.where() + "); counters refresh " + refreshHz.get() + "x a second");
    polling = worker.scheduleWithFixedDelay(this::pollOnce, 0, 1000 / refreshHz.get(), TimeUnit.MILLISECONDS);
    if (answer.needsConfirmation()) {
      confirmation.start(labName, answer.confirmBy());
      countdown = worker.scheduleWithFixedDelay(confirmation::tick, 1, 1, TimeUnit.SECONDS);
    }
  }

  private void failed(String message) {
    progress.finish();
    state.set(State.DESIGN);
    status.set(message);
  }

  /** The running lab's service, for the banner's countdown (on the worker). */
  LabService service() throws LabException {
    return service(labKind);
  }

  /** The service of a kind of target: the sandbox's, or the one with root for this host and its namespaces. */
  private LabService service(TargetSpec.Kind kind) throws LabException {
    boolean privileged = kind != TargetSpec.Kind.SANDBOX;
    LabService s = services.get(privileged);
    if (s == null) {
      s = factory.open(kind);
      services.put(privileged, s);
    }
    return s;
  }

  /** A service call that may fail, run on the worker; a failure's message becomes the status. */
  interface ServiceTask {
    void run() throws LabException;
  }

  void onWorker(ServiceTask task, java.util.function.Function<LabException, String> onError) {
    worker.execute(() -> {
      try {
        task.run();
      } catch (LabException e) {
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

  /** One poll: the lab's per-link readings become a snapshot on the canvas; the guests' states once a second. */
  void pollOnce() {
    try {
      CounterSnapshot s = service().counters(lab);
      fx.execute(() -> counters.show(s));
      if (System.nanoTime() - guestsAskedNanos >= 1_000_000_000L) {
        guestsAskedNanos = System.nanoTime();
        java.util.Map<String, LabService.GuestState> states = new java.util.HashMap<>();
        service().guests(lab).forEach(g -> states.put(g.name(), g));
        // Updated in place, not cleared and refilled: a reader between the two saw no guest at all.
        fx.execute(() -> {
          guestStates.keySet().retainAll(states.keySet());
          guestStates.putAll(states);
        });
      }
    } catch (LabException e) {
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

  /**
   * Opens a guest's serial console of the running lab for typing; it waits for the agent, so call it
   * off the FX thread. The agent checks the guest against the lab's own design.
   */
  public LabService.ConsoleSession openConsole(String guestName, LabService.ConsoleListener listener)
      throws LabException {
    String running = lab;
    if (running == null || state.get() != State.LIVE) {
      throw new LabException(LabException.Reason.NOT_FOUND, "no lab is running: apply the design first");
    }
    return service().openConsole(running, guestName, listener);
  }

  /** Where a running guest's VNC display listens (the agent checks the guest against the lab's design); off the FX thread. */
  public String displaySocket(String guestName) throws LabException {
    String running = lab;
    if (running == null || state.get() != State.LIVE) {
      throw new LabException(LabException.Reason.NOT_FOUND, "no lab is running: apply the design first");
    }
    return service().display(running, guestName);
  }

  /** A running guest's serial console (its last 16 KiB), or the reason there is none. */
  public void console(String guestName, Consumer<String> onText) {
    if (state.get() != State.LIVE) {
      onText.accept("No lab is running: apply the design first (Lab > Apply in Sandbox).");
      return;
    }
    worker.execute(() -> {
      String text;
      try {
        text = service().console(lab, guestName);
      } catch (LabException e) {
        text = e.getMessage();
      }
      String shown = text;
      fx.execute(() -> onText.accept(shown));
    });
  }

  /** Verifies a design the validator is content with; see {@link #verify(Topology, String, boolean, Consumer)}. */
  public void verify(Topology t, String labName, Consumer<VerifyReport> onReport) {
    verify(t, labName, false, onReport);
  }

  /**
   * Verifies the design with real packets: a throwaway sandbox, probe guests, every matrix cell
   * probed; the report goes to {@code onReport}. Takes about half a minute. With {@code allowErrors}
   * (the user went ahead past {@link VerifyFindings#of}) a design with errors is applied as far
   * as it can be, and the status says how many steps were left out.
   */
  public void verify(Topology t, String labName, boolean allowErrors, Consumer<VerifyReport> onReport) {
    if (state.get() != State.DESIGN) {
      return;
    }
    state.set(State.VERIFYING);
    status.set("Verifying " + labName + " with real packets (boots probe guests; about 30 s)...");
    worker.execute(() -> {
      try {
        VerifyReport report = service(TargetSpec.Kind.SANDBOX).verify(labName, t, allowErrors);
        fx.execute(() -> {
          state.set(State.DESIGN);
          status.set("Verified: " + Counted.of(report.cells().size(), "cell") + ", " + report.disagreements() + " disagree, "
              + report.untested() + " untested" + (report.notApplied().isEmpty() ? ""
                  : "; " + Counted.of(report.notApplied().size(), "step") + " of the design could not be applied: "
                      + String.join("; ", report.notApplied())));
          onReport.accept(report);
        });
      } catch (LabException e) {
        fx.execute(() -> {
          state.set(State.DESIGN);
          status.set("Cannot verify: " + e.getMessage());
        });
      }
    });
  }

  /** Each running guest's state and QEMU's last stderr lines, by guest name; empty in design mode. */
  public javafx.collections.ObservableMap<String, LabService.GuestState> guestStates() {
    return guestStates;
  }

  /** Cuts (up=false) or restores a link of the running lab; a cut link is drawn dashed. */
  public void setLink(String linkId, boolean up) {
    if (state.get() != State.LIVE) {
      return;
    }
    String name = lab;
    worker.execute(() -> {
      try {
        String result = service().link(name, linkId, up);
        fx.execute(() -> {
          if (up) {
            counters.cutLinks().remove(linkId);
          } else {
            counters.cutLinks().add(linkId);
          }
          status.set(result);
        });
      } catch (LabException e) {
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
      String outcome;
      try {
        List<String> report = service().down(name);
        outcome = doneMessage != null ? doneMessage : "Lab " + name + " is down" + leftAlone(report);
      } catch (LabException e) {
        outcome = "Tear down of " + name + " failed: " + e.getMessage();
      }
      String shown = outcome;
      fx.execute(() -> {
        counters.clear();
        guestStates.clear();
        state.set(State.DESIGN);
        status.set(shown);
      });
    });
  }

  /** What a down left alone (someone else's interface of the lab's name), said after it. */
  private static String leftAlone(List<String> report) {
    List<String> left = report.stream().filter(l -> l.startsWith("left ")).toList();
    return left.isEmpty() ? "" : "; " + String.join("; ", left);
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** What Tear Down would remove, while a lab is live. */
  public java.util.Optional<TearDownQuestion> tearDownQuestion() {
    return state.get() == State.LIVE ? java.util.Optional.ofNullable(tearDownQuestion) : java.util.Optional.empty();
  }

  public String lab() {
    return lab;
  }

  /** Closes the service (the designer is closing; a live lab stays up for `patchbay down`). */
  public void close() {
    stopCountdown();
    if (polling != null) {
      polling.cancel(false);
    }
    worker.shutdown();
    services.values().forEach(LabService::close);
  }
}
