package dev.patchbay.backends.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.PlanText;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Step;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Runs a plan's steps in order in one target, as a transaction: each step is written to the journal
 * (with what its inverse needs) before it runs; when step k fails, steps k-1..1 are undone in reverse
 * and the error names step k and the kernel's reason.
 */
public final class Applier {
  private static final Logger LOG = Logger.getLogger(Applier.class.getName());
  private final Target target;
  private final Journal journal;
  private final StepRunner runner;
  private final Marker marker;
  private java.util.Set<String> uplinks;
  private FaultHook faults = (index, step) -> { };
  private Progress progress = Progress.NONE;

  public Applier(Target target, Marker marker, Journal journal, GuestStarter guests) {
    this.target = target;
    this.journal = journal;
    this.runner = new StepRunner(target, marker, guests);
    this.marker = marker;
  }

  /** Called before each step runs; a test throws from it to fail the plan at that step. */
  @FunctionalInterface
  public interface FaultHook {
    void before(int index, Step step) throws IOException;
  }

  /** The design's uplinks: a rollback gives back state only on the lab's links and these ({@link Undo}). */
  public Applier withUplinks(java.util.Set<String> names) {
    this.uplinks = names;
    return this;
  }

  public Applier withFaults(FaultHook hook) {
    this.faults = hook;
    return this;
  }

  /**
   * Told before each step runs, and asked between steps whether to stop: a cancelled apply is
   * rolled back like a failed one (the steps done so far are undone in reverse).
   */
  public interface Progress {
    Progress NONE = (index, total, step) -> { };

    /** Step {@code index} (0-based) of {@code total} is about to run. */
    void step(int index, int total, Step step);

    /** Checked before each step, or before each batch of steps sent to the kernel together. */
    default boolean cancelled() {
      return false;
    }
  }

  public Applier withProgress(Progress listener) {
    this.progress = listener;
    return this;
  }

  /** What one step did, for the user. */
  public record Done(Step step, String outcome) {}

  /**
   * Applies every step or, failing, none: the exception says which step failed and why. Steps are
   * journalled in chunks (one write and one fsync per chunk, not per step), each before its first
   * step runs; a chunk ends before a step that must read the host first, so that what it reads is
   * the state left by the steps before it.
   */
  public List<Done> apply(Plan plan) throws ApplyException {
    PlanCheck.check(plan);
    List<Done> done = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    String applyId = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
    int i = 0;
    while (i < plan.steps().size()) {
      List<Entry> chunk;
      try {
        chunk = journalChunk(plan, i, applyId);
      } catch (IOException | RuntimeException e) {
        throw failed(plan, i, plan.steps().get(i), e, entries, List.of());
      }
      List<Step> steps = chunk.stream().map(Entry::step).toList();
      int base = i;
      for (int c = 0; c < chunk.size(); ) {
        int run = Batches.runLength(steps, c);
        int taps = Batches.tapRunLength(steps, c);
        c += run > 1 ? runBatch(plan, base, chunk, steps, c, run, done, entries)
            : taps > 1 ? runTaps(plan, base, chunk, steps, c, taps, done, entries)
            : runOne(plan, base, chunk, steps, c, done, entries);
      }
      i = base + chunk.size();
    }
    return done;
  }

  private int runOne(Plan plan, int base, List<Entry> chunk, List<Step> steps, int c, List<Done> done,
      List<Entry> entries) throws ApplyException {
    Step step = steps.get(c);
    stopIfCancelled(plan, base, chunk, steps, c, entries);
    progress.step(base + c, plan.steps().size(), step);
    try {
      faults.before(base + c, step);
      done.add(new Done(step, runner.run(step, chunk.get(c).saved())));
      entries.add(chunk.get(c));
      return 1;
    } catch (IOException | RuntimeException e) {
      if (Undo.undoEvenIfFailed(step)) {
        entries.add(chunk.get(c)); // a create that half-happened (tap made, not marked) is removed too
      }
      throw failed(plan, base + c, step, e, entries, notRun(chunk, c, entries));
    }
  }

  /** Sends steps c..c+run-1 as one netlink batch; a fault hook or a refused request fails at its step. */
  private int runBatch(Plan plan, int base, List<Entry> chunk, List<Step> steps, int c, int run,
      List<Done> done, List<Entry> entries) throws ApplyException {
    int stop = run;
    Exception problem = null;
    List<dev.patchbay.backends.netlink.NlRequest> requests = new ArrayList<>();
    stopIfCancelled(plan, base, chunk, steps, c, entries);
    try {
      java.util.Map<String, Integer> indexes = target.rt().indexes();
      for (int k = 0; k < run; k++) {
        progress.step(base + c + k, plan.steps().size(), steps.get(c + k));
        faults.before(base + c + k, steps.get(c + k));
        requests.add(Batches.request(steps.get(c + k), indexes));
      }
    } catch (IOException | RuntimeException e) {
      stop = requests.size();
      problem = e;
    }
    dev.patchbay.backends.netlink.BatchResult result;
    try {
      result = target.rt().execute(requests);
    } catch (IOException e) {
      throw failed(plan, base + c, steps.get(c), e, entries, notRun(chunk, c, entries));
    }
    for (int k = 0; k < stop; k++) {
      if (result.succeeded(k)) {
        entries.add(chunk.get(c + k));
        done.add(new Done(steps.get(c + k), "done"));
      }
    }
    if (!result.allSucceeded()) {
      int f = result.failures().firstKey();
      throw failed(plan, base + c + f, steps.get(c + f), result.failures().get(f), entries, notRun(chunk, c, entries));
    }
    if (problem != null) {
      throw failed(plan, base + c + stop, steps.get(c + stop), problem, entries, notRun(chunk, c, entries));
    }
    return run;
  }

  /**
   * Makes the taps of steps c..c+run-1: created in one call on the target's thread, then marked in
   * one netlink batch (a tap cannot be born marked). A fault hook, a failed tap or a refused mark
   * fails at its step; every tap made is undone with the steps before, as a failed single tap is.
   */
  private int runTaps(Plan plan, int base, List<Entry> chunk, List<Step> steps, int c, int run, List<Done> done,
      List<Entry> entries) throws ApplyException {
    stopIfCancelled(plan, base, chunk, steps, c, entries);
    List<Step.CreateTap> taps = new ArrayList<>();
    int failedAt = run;
    Exception problem = null;
    try {
      for (int k = 0; k < run; k++) {
        progress.step(base + c + k, plan.steps().size(), steps.get(c + k));
        faults.before(base + c + k, steps.get(c + k));
        taps.add((Step.CreateTap) steps.get(c + k));
      }
    } catch (IOException | RuntimeException e) {
      failedAt = taps.size();
      problem = e;
    }
    StepRunner.TapsMade made;
    try {
      made = runner.createTaps(taps);
    } catch (IOException e) {
      throw failed(plan, base + c, steps.get(c), e, entries, notRun(chunk, c, entries));
    }
    for (int k = 0; k < made.made(); k++) {
      entries.add(chunk.get(c + k)); // made: undone on a failure, marked or not (Undo.undoEvenIfFailed)
    }
    if (made.failure() != null) {
      failedAt = made.made();
      problem = made.failure();
    }
    dev.patchbay.backends.netlink.BatchResult marks;
    try {
      marks = made.made() == 0 ? null : runner.markTaps(made);
    } catch (IOException e) {
      throw failed(plan, base + c, steps.get(c), e, entries, notRun(chunk, c, entries));
    }
    for (int k = 0; k < made.made(); k++) {
      if (marks.succeeded(k)) {
        done.add(new Done(steps.get(c + k), "done"));
      } else if (k < failedAt) {
        failedAt = k;
        problem = marks.failures().get(k);
      }
    }
    if (problem != null) {
      throw failed(plan, base + c + failedAt, steps.get(c + failedAt), problem, entries, notRun(chunk, c, entries));
    }
    return run;
  }

  /** A cancelled apply stops before step {@code c} of the chunk and is rolled back like a failed one. */
  private void stopIfCancelled(Plan plan, int base, List<Entry> chunk, List<Step> steps, int c,
      List<Entry> entries) throws ApplyException {
    if (progress.cancelled()) {
      throw failed(plan, base + c, steps.get(c), new Cancelled(), entries, notRun(chunk, c, entries));
    }
  }

  /** The user stopped the apply (or a re-apply's removals, see Reconciler) between two steps. */
  static final class Cancelled extends IOException {
    Cancelled() {
      super("cancelled");
    }
  }

  /** The chunk's entries from {@code c} on that did not take effect: down must not undo them. */
  private static List<Entry> notRun(List<Entry> chunk, int c, List<Entry> entries) {
    java.util.Set<Entry> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    taken.addAll(entries);
    return chunk.subList(c, chunk.size()).stream().filter(e -> !taken.contains(e)).toList();
  }

  /**
   * Steps journalled with one write and one fsync at most: a 660-step lab is one chunk. The bound
   * only limits how many never-run steps a {@code down} after a crash tries (leniently) to undo.
   */
  private static final int CHUNK = 1024;

  /** A journalled step of this apply, kept as objects: running and undoing it needs no JSON round trip. */
  private record Entry(String id, Step step, ObjectNode saved) {}

  /**
   * Resolves and journals the steps from {@code first} up to the next step that reads the host. Ids
   * are this apply's random {@code applyId} and the step's index: unique in the journal without a
   * SecureRandom UUID per step.
   */
  private List<Entry> journalChunk(Plan plan, int first, String applyId) throws IOException {
    List<Entry> chunk = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    String time = java.time.Instant.now().toString();
    for (int i = first; i < plan.steps().size() && chunk.size() < CHUNK
        && (i == first || !plan.steps().get(i).needsHostState()); i++) {
      Step step = knowingPrevious(plan.steps().get(i));
      ObjectNode saved = Journal.JSON.createObjectNode();
      runner.save(step, saved);
      Entry entry = new Entry(applyId + "-" + i, step, saved);
      Journal.stepLine(lines, time, i, entry.id(), step, saved);
      chunk.add(entry);
    }
    journal.appendLines(lines);
    return chunk;
  }

  /** A sysctl step that did not know the value it replaces reads it now, so its inverse restores it. */
  private Step knowingPrevious(Step step) throws IOException {
    if (step instanceof Step.SetSysctl s && s.from() == null && s.to() != null) {
      return new Step.SetSysctl(s.key(), target.readSysctl(Planner.procSysPath(s.key())), s.to());
    }
    return step;
  }

  private ApplyException failed(Plan plan, int index, Step step, Exception cause, List<Entry> entries,
      List<Entry> notRun) {
    Undo undo = new Undo(runner, target, marker, uplinks);
    List<String> problems = new ArrayList<>();
    List<String> leftAlone = new ArrayList<>();
    List<ObjectNode> undone = new ArrayList<>();
    notRun.forEach(e -> undone.add(journal.entry("undone").put("id", e.id())));
    for (int j = entries.size() - 1; j >= 0; j--) {
      Entry entry = entries.get(j);
      try {
        String outcome = undo.undo(entry.step(), entry.saved());
        if (Undo.leftAlone(outcome)) {
          leftAlone.add(outcome);
        }
        undone.add(journal.entry("undone").put("id", entry.id()));
      } catch (IOException | RuntimeException e) {
        problems.add(e.getMessage());
        LOG.warning("rollback: " + e.getMessage());
      }
    }
    try {
      journal.append(undone);
    } catch (IOException e) {
      problems.add("journal: " + e.getMessage());
    }
    boolean cancelled = cause instanceof Cancelled;
    String at = "step " + (index + 1) + " of " + plan.steps().size() + " (" + PlanText.describe(step) + ")";
    String message = (cancelled ? "cancelled before " + at : at + " failed: " + reason(cause)) + "; "
        + (entries.isEmpty() ? "nothing to undo" : "undid steps " + (entries.size()) + ".." + 1 + " in reverse")
        + (leftAlone.isEmpty() ? "" : "; " + String.join("; ", leftAlone))
        + (problems.isEmpty() ? "" : "; " + problems.size() + " undo(s) failed: " + String.join("; ", problems));
    return new ApplyException(message, index, index < plan.steps().size() ? plan.steps().get(index) : null, cancelled,
        cause);
  }

  private static String reason(Exception e) {
    return dev.patchbay.backends.os.Reasons.of(e);
  }

  /** A failed apply, already rolled back. */
  public static final class ApplyException extends Exception {
    private final int stepIndex;
    private final transient Step step;
    private final boolean cancelled;

    ApplyException(String message, int stepIndex, Step step, boolean cancelled, Throwable cause) {
      super(message, cause);
      this.stepIndex = stepIndex;
      this.step = step;
      this.cancelled = cancelled;
    }

    /** The plan's step that failed, as planned (null when the failure came before any step). */
    public Step step() {
      return step;
    }

    /** True when the user cancelled the apply (rolled back all the same), false when a step failed. */
    public boolean cancelled() {
      return cancelled;
    }

    /** The failed step, 0-based. */
    public int stepIndex() {
      return stepIndex;
    }
  }
}
