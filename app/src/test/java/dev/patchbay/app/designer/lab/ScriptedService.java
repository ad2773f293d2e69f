package dev.patchbay.app.designer.lab;

import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LabService;
import dev.patchbay.backends.verify.Cell;
import dev.patchbay.backends.verify.VerifyReport;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkReading;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.topology.Topology;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A lab service that answers from a script and remembers what it was asked, for the designer's view-model tests. */
final class ScriptedService implements LabService {
  /** Every call by its op name ("up", "counters", "link", ...), in order. */
  final List<String> calls = new CopyOnWriteArrayList<>();
  final AtomicInteger cancels = new AtomicInteger();
  volatile UpRequest lastUp;
  volatile String lastLink;
  volatile boolean lastLinkUp;
  volatile boolean upFails;
  /** Progress steps an up announces before it answers. */
  volatile int upSteps;
  /** An up waits after its first step until it is cancelled, then fails as rolled back. */
  volatile boolean upWaitsForCancel;
  /** An up answers this deadline (epoch ms) when not null: its changes can cut the host off. */
  volatile Long confirmBy;
  /** What labs says of lab1: "waiting", "confirmed" or "gone" (reverted by the watcher). */
  volatile String labState = "waiting";
  /** counters fails, as for a lab that is gone. */
  volatile boolean countersFail;

  long count(String op) {
    return calls.stream().filter(op::equals).count();
  }

  @Override
  public UpAnswer up(UpRequest request, UpListener listener) throws LabException {
    calls.add("up");
    lastUp = request;
    if (upFails) {
      throw new LabException(LabException.Reason.FAILED,
          "step 2 of 9 (create bridge br0) failed: EPERM: Operation not permitted");
    }
    for (int i = 0; i < upSteps; i++) {
      listener.step(i, upSteps, "create tap tap" + i);
      if (upWaitsForCancel) {
        awaitCancel();
        throw new LabException(LabException.Reason.CANCELLED,
            "cancelled before step 2 of " + upSteps + " (create tap tap1); undid steps 1..1 in reverse");
      }
    }
    return new UpAnswer(request.lab(), "sandbox pb-lab1-host", new Plan(List.of()), List.of(),
        confirmBy == null ? 0 : confirmBy);
  }

  private void awaitCancel() {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (cancels.get() == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no cancel within 20 s");
      }
      Thread.onSpinWait();
    }
  }

  @Override
  public void cancel() {
    cancels.incrementAndGet();
  }

  @Override
  public Plan plan(String lab, Topology design, TargetSpec target) {
    calls.add("plan");
    return new Plan(List.of());
  }

  @Override
  public List<String> down(String lab) {
    calls.add("down");
    return List.of("deleted network namespace pb-lab1-host");
  }

  @Override
  public List<LabSummary> labs() {
    calls.add("labs");
    return labState.equals("gone") ? List.of() : List.of(new LabSummary("lab1", "this host", "2026-12-07T12:00:00Z",
        labState.equals("waiting") ? "waiting" : "up", confirmBy == null ? 0 : confirmBy));
  }

  @Override
  public void confirm(String lab) {
    calls.add("confirm");
  }

  @Override
  public CounterSnapshot counters(String lab) throws LabException {
    calls.add("counters");
    if (countersFail) {
      throw new LabException(LabException.Reason.NOT_FOUND, "no lab named lab1");
    }
    return new CounterSnapshot(Instant.now(), 1.0, List.of(new LinkReading("l2", "tap0", "br0", 5L, 7L, 12L, 1200L,
        0L, 0L, 3.0, "kernel counters of tap0", null)));
  }

  @Override
  public List<GuestState> guests(String lab) {
    calls.add("guests");
    return List.of(new GuestState("GUEST1", "running", List.of()));
  }

  @Override
  public String link(String lab, String linkId, boolean up) {
    calls.add("link");
    lastLink = linkId;
    lastLinkUp = up;
    return "link " + linkId + (up ? " up" : " down");
  }

  @Override
  public String console(String lab, String guest) {
    calls.add("console");
    return "\nPB-READY\n";
  }

  /** The listener of the console opened last: a test prints "guest output" through it. */
  volatile ConsoleListener consoleListener;
  /** Every byte typed into an open console, in order. */
  final java.io.ByteArrayOutputStream typed = new java.io.ByteArrayOutputStream();

  @Override
  public ConsoleSession openConsole(String lab, String guest, ConsoleListener listener) throws LabException {
    calls.add("console-open " + guest);
    consoleListener = listener;
    listener.output("\nGUEST1 login: ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new ConsoleSession() {
      @Override
      public void send(byte[] input) {
        synchronized (typed) {
          typed.writeBytes(input);
        }
      }

      @Override
      public void close() {
        calls.add("console-close " + guest);
      }
    };
  }

  /** What was typed so far, as text. */
  String typedText() {
    synchronized (typed) {
      return typed.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
  }

  @Override
  public String display(String lab, String guest) throws LabException {
    calls.add("display " + guest);
    throw new LabException(LabException.Reason.REFUSED, "guest " + guest + " has no display");
  }

  @Override
  public VerifyReport verify(String lab, Topology design, boolean allowErrors) {
    calls.add(allowErrors ? "verify allowing errors" : "verify");
    return new VerifyReport(lab, List.of(new Cell("guest1", "lan", "yes", "yes", "yes", true,
        "guest guest1 tcp:10.0.0.2:7070", null)), allowErrors
            ? List.of("add route 172.16.0.0/16 via 192.168.5.1 dev tap0: Network is unreachable") : List.of());
  }

  @Override
  public void close() {
  }
}
