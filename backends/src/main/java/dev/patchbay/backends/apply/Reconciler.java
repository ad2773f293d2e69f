package dev.patchbay.backends.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.model.plan.Diff;
import dev.patchbay.model.plan.PlanText;
import dev.patchbay.model.plan.Step;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Re-applies an edited design to a lab that is up, as one transaction: first the lab's steps the
 * design dropped are undone (each by its journal entry's inverse, with the values saved when it ran,
 * so a sysctl goes back to what the lab found and a tap is deleted only if it carries the lab's
 * marker), then the {@link Applier} applies what the design adds. When any step fails, what ran is
 * put back: the Applier undoes its own steps, then the removals are redone, last first.
 *
 * <p>The journal learns the removals only once everything succeeded ("undone" lines for their
 * entries): until then their entries stay live, so {@code down} after a crash halfway still undoes
 * them (what is already gone counts as undone). Afterwards the journal's live steps are exactly
 * what the lab owns.
 */
final class Reconciler {
  private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());
  private final Target target;
  private final Marker marker;
  private final Journal journal;
  private final GuestStarter guests;
  private final StepRunner runner;
  private StepRunner redo;
  private final Undo undo;
  private final java.util.Set<String> uplinks;
  private Applier.FaultHook faults = (index, step) -> { };
  private Applier.Progress progress = Applier.Progress.NONE;
  private SysctlHeirs heirs = SysctlHeirs.NONE;
  private final List<SysctlHeirs.Handed> handed = new ArrayList<>();

  /** {@code uplinks}: the design's uplinks from the lab's journal (see {@link Undo}), null if it has none. */
  Reconciler(Target target, Marker marker, Journal journal, GuestStarter guests, java.util.Set<String> uplinks) {
    this.target = target;
    this.marker = marker;
    this.journal = journal;
    this.guests = guests;
    this.runner = new StepRunner(target, marker, guests);
    this.redo = runner;
    this.undo = new Undo(runner, target, marker, uplinks);
    this.uplinks = uplinks;
  }

  /** Starts the guests a failed re-apply puts back: the starter of the design the lab ran before. */
  Reconciler withPreviousGuests(GuestStarter previous) {
    this.redo = new StepRunner(target, marker, previous);
    return this;
  }

  /** Called before each step, removals first: index k is step k+1 of the whole diff. */
  Reconciler withFaults(Applier.FaultHook hook) {
    this.faults = hook;
    return this;
  }

  /** Told before each step of the whole diff (removals first); a cancel puts back what ran, like a failure. */
  Reconciler withProgress(Applier.Progress listener) {
    this.progress = listener;
    return this;
  }

  /** Who takes over a sysctl step this lab drops while another lab on the target still needs its value. */
  Reconciler withHeirs(SysctlHeirs heirs) {
    this.heirs = heirs;
    return this;
  }

  /**
   * Runs the diff. {@code entries} are the lab's live journal entries, in the order of
   * {@link Diff#owned()}.
   */
  List<Applier.Done> apply(Diff diff, List<JsonNode> entries) throws Applier.ApplyException {
    // The additions' names are checked before the first removal: a refusal then changes nothing.
    PlanCheck.check(diff.additions());
    int total = diff.plan().steps().size();
    List<JsonNode> removed = new ArrayList<>();
    List<Applier.Done> done = removeDropped(diff, entries, total, removed);
    int offset = diff.removed().size();
    try {
      done.addAll(new Applier(target, marker, journal, guests).withUplinks(uplinks)
          .withFaults((i, s) -> faults.before(offset + i, s)).withProgress(offset(offset, total))
          .apply(diff.additions()));
    } catch (Applier.ApplyException e) {
      throw failed(offset + e.stepIndex(), total, diff.additions().steps().get(e.stepIndex()), e, removed,
          tail(e.getMessage()));
    }
    List<ObjectNode> undone = new ArrayList<>();
    for (int k : diff.removed()) {
      undone.add(journal.entry("undone").put("id", entries.get(k).path("id").asText()));
    }
    try {
      journal.append(undone);
    } catch (IOException e) {
      // The removed steps' entries stay live: down undoes them again and finds them gone.
      LOG.warning("journal: the removals are done but not recorded: " + e.getMessage());
    }
    return done;
  }

  /** Undoes the dropped steps, last applied first; {@code removed} collects those that took effect. */
  private List<Applier.Done> removeDropped(Diff diff, List<JsonNode> entries, int total, List<JsonNode> removed)
      throws Applier.ApplyException {
    List<Step> removals = diff.removals().steps();
    List<Applier.Done> done = new ArrayList<>();
    for (int k = 0; k < removals.size(); k++) {
      JsonNode entry = entries.get(diff.removed().get(k));
      if (progress.cancelled()) {
        throw failed(k, total, removals.get(k), new Applier.Cancelled(), removed, "");
      }
      progress.step(k, total, removals.get(k));
      try {
        faults.before(k, removals.get(k));
        var heir = heirs.handOver(entry);
        if (heir.isPresent()) {
          handed.add(heir.get());
          done.add(new Applier.Done(removals.get(k), "left as it is: lab " + heir.get().lab() + " needs it too"));
          continue;
        }
        String outcome = undo.undo(entry);
        done.add(new Applier.Done(removals.get(k), outcome));
        if (Undo.DONE.equals(outcome)) {
          removed.add(entry);
        }
      } catch (IOException | RuntimeException e) {
        throw failed(k, total, removals.get(k), e, removed, "");
      }
    }
    return done;
  }

  /** Redoes the removals that took effect, last first, so the host is as before this re-apply. */
  private Applier.ApplyException failed(int index, int total, Step step, Exception cause, List<JsonNode> removed,
      String applierSaid) {
    List<String> problems = new ArrayList<>();
    for (SysctlHeirs.Handed h : handed) {
      try {
        heirs.takeBack(h);
      } catch (IOException e) {
        problems.add("lab " + h.lab() + "'s journal: " + e.getMessage());
      }
    }
    for (int j = removed.size() - 1; j >= 0; j--) {
      JsonNode entry = removed.get(j);
      try {
        redo.run(Journal.step(entry.path("step")), entry.path("saved"));
      } catch (IOException | RuntimeException e) {
        problems.add(e.getMessage());
        LOG.warning("rollback of a removal: " + e.getMessage());
      }
    }
    String reason = applierSaid.isEmpty() ? (cause.getMessage() == null ? cause.toString() : cause.getMessage())
        : applierSaid;
    boolean cancelled = cause instanceof Applier.Cancelled
        || cause instanceof Applier.ApplyException a && a.cancelled();
    String at = "step " + (index + 1) + " of " + total + " (" + PlanText.describe(step) + ")";
    String message = (cancelled ? "cancelled before " + at : at + " failed: " + reason) + "; " + (removed.isEmpty() ? "no removal to put back" : "put back the " + removed.size() + " removed step(s)")
        + (problems.isEmpty() ? "" : "; " + problems.size() + " could not be put back: " + String.join("; ", problems));
    return new Applier.ApplyException(message, index, step, cancelled, cause);
  }

  /** The Applier's steps numbered as steps of the whole diff, after its {@code offset} removals. */
  private Applier.Progress offset(int offset, int total) {
    return new Applier.Progress() {
      @Override
      public void step(int index, int ignoredTotal, Step step) {
        progress.step(offset + index, total, step);
      }

      @Override
      public boolean cancelled() {
        return progress.cancelled();
      }
    };
  }


  /** The Applier's message without its own "step k of n (...) failed: " head: the reason and its rollback. */
  private static String tail(String message) {
    int at = message.indexOf(" failed: ");
    return at < 0 ? message : message.substring(at + " failed: ".length());
  }
}
