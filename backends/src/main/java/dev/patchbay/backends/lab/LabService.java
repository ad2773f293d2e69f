package dev.patchbay.backends.lab;

import dev.patchbay.backends.apply.Applier;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.verify.VerifyReport;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.topology.Topology;
import java.util.List;

/**
 * What Patchbay does with labs, as typed requests and answers: the same interface in-process
 * ({@link LocalLabService}, what the CLI uses) and through the privileged agent ({@link AgentClient}
 * to {@link AgentServer}, what the designer uses), so that the two cannot drift apart. The agent keeps
 * each lab's design from its up: a counter poll, a link cut or a guest list names the lab only. A
 * failure is a {@link LabException} whose {@link LabException.Reason} says what kind.
 */
public interface LabService extends AutoCloseable {
  /** The agent protocol this release speaks (AGENT.md); client and agent must speak the same. */
  int PROTOCOL = 2;

  /**
   * Applies {@code design} as lab {@code lab} (an edited lab: only the difference); with
   * {@code allowErrors} a fresh lab of a design with errors, as far as it can be applied
   * ({@link dev.patchbay.backends.apply.LenientUp}).
   */
  record UpRequest(String lab, Topology design, TargetSpec target, int confirmSeconds, String file,
      boolean allowErrors) {
    public UpRequest(String lab, Topology design, TargetSpec target, int confirmSeconds, String file) {
      this(lab, design, target, confirmSeconds, file, false);
    }
  }

  /**
   * What an up did: the plan it ran and each step's outcome; {@code confirmBy} (epoch ms) when the
   * changes revert unless confirmed, else 0; {@code notApplied}: the steps an up allowing errors
   * left out, with why ("STEP: WHY").
   */
  record UpAnswer(String lab, String where, Plan plan, List<Applier.Done> done, long confirmBy,
      List<String> notApplied) {
    public UpAnswer {
      notApplied = List.copyOf(notApplied);
    }

    public UpAnswer(String lab, String where, Plan plan, List<Applier.Done> done, long confirmBy) {
      this(lab, where, plan, done, confirmBy, List.of());
    }

    public boolean needsConfirmation() {
      return confirmBy > 0;
    }
  }

  /** Told before each step of an up. */
  @FunctionalInterface
  interface UpListener {
    UpListener NONE = (index, total, step) -> { };

    /** Step {@code index} (0-based) of {@code total}, in words ("create tap tap0"), is about to run. */
    void step(int index, int total, String step);
  }

  /** A lab as {@code labs} lists it; {@code state} is up, partial, empty or waiting (for a confirmation). */
  record LabSummary(String lab, String where, String since, String state, long confirmBy) {
    public boolean awaitingConfirmation() {
      return state.equals("waiting");
    }
  }

  /** A guest of a running lab: stopped, booting, running or crashed, with QEMU's last stderr lines. */
  record GuestState(String name, String state, List<String> stderr) {
    public GuestState {
      stderr = List.copyOf(stderr);
    }
  }

  UpAnswer up(UpRequest request, UpListener listener) throws LabException;

  /** Stops the up that is running, between two steps (from any thread); it rolls back and fails as CANCELLED. */
  void cancel();

  /** The steps an up of {@code design} would run now (for a lab that is up: the difference). */
  Plan plan(String lab, Topology design, TargetSpec target) throws LabException;

  /** Takes the lab down (its guests too); one line per thing done or left alone. */
  List<String> down(String lab) throws LabException;

  List<LabSummary> labs() throws LabException;

  /** Keeps the changes of a lab that waits for a confirmation; TOO_LATE after its deadline. */
  void confirm(String lab) throws LabException;

  /** Frames each way on every link of the lab, from its own design; rates from the second poll on. */
  CounterSnapshot counters(String lab) throws LabException;

  List<GuestState> guests(String lab) throws LabException;

  /** Cuts (up=false) or restores a link of the running lab; what was done, in words. */
  String link(String lab, String linkId, boolean up) throws LabException;

  /** The end of a guest's serial console. */
  String console(String lab, String guest) throws LabException;

  /** What a guest prints on an open console, and once why it ended; called on a thread of the service's. */
  interface ConsoleListener {
    void output(byte[] data);

    void ended(String why);
  }

  /** A guest's serial console opened for typing: bytes go in as they are; close ends it. */
  interface ConsoleSession extends AutoCloseable {
    void send(byte[] input) throws LabException;

    @Override
    void close();
  }

  /**
   * Opens a running guest's serial console for typing: the listener gets the console's last 16 KiB
   * first, then what the guest prints. The lab and the guest are looked up by name in the lab's own
   * design (NOT_FOUND when the lab has no such guest); one open console per guest per service (BUSY).
   */
  ConsoleSession openConsole(String lab, String guest, ConsoleListener listener) throws LabException;

  /**
   * Where a running guest's screen is served: the unix socket of QEMU's VNC server in its run
   * folder, for a guest of the lab's own design whose display is vnc (REFUSED for one without).
   */
  String display(String lab, String guest) throws LabException;

  /**
   * Applies the design in a throwaway sandbox, probes every matrix cell with real packets, takes it
   * down. A design with errors is refused unless {@code allowErrors}: then what can be applied is,
   * and the report names the steps that could not be ({@link VerifyReport#notApplied}).
   */
  VerifyReport verify(String lab, Topology design, boolean allowErrors) throws LabException;

  @Override
  void close();
}
