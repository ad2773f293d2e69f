package dev.patchbay.backends.apply;

import dev.patchbay.backends.os.Reasons;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.PlanText;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies what can be applied of a design the validator finds errors in, so that its "no" cells
 * can be shown with packets ({@code verify --allow-errors}). Steps whose names or values the plan
 * check refuses are left out before anything is made; then the lab is applied, and when a step
 * fails (the whole apply rolled back, as always) or the conflict check finds one that would (it
 * needs an interface nothing makes), that step is left out too and the lab applied again from nothing. Every step left out is said, with why. A fresh lab only: an applied lab's
 * re-apply would roll back into its previous design, not into nothing.
 */
public final class LenientUp {
  /** At most this many failing steps are left out, one apply each, before the last failure stands. */
  static final int MAX_LEFT_OUT = 32;

  private LenientUp() {}

  /** A planned step that was not applied, and why. */
  public record Skipped(Step step, String why) {
    /** "STEP: WHY", in the words of {@code patchbay plan}. */
    public String describe() {
      return PlanText.describe(step) + ": " + why;
    }
  }

  /** What the up did, and the planned steps it left out. */
  public record Result(Labs.UpResult up, List<Skipped> skipped) {
    public Result {
      skipped = List.copyOf(skipped);
    }
  }

  /** Applies {@code t} as the fresh lab {@code lab}, leaving out what cannot be realised. */
  public static Result up(Labs labs, Topology t, String lab, TargetSpec spec, String file)
      throws IOException, Applier.ApplyException {
    return up(labs, t, lab, spec, 0, file);
  }

  /** As {@link #up(Labs, Topology, String, TargetSpec, String)}, with {@link Labs#up}'s confirm-or-revert. */
  public static Result up(Labs labs, Topology t, String lab, TargetSpec spec, int confirmSeconds, String file)
      throws IOException, Applier.ApplyException {
    if (labs.journal(lab).exists()) {
      throw new IOException("lab " + lab + " is up already: applying what can be applied needs a fresh lab");
    }
    List<Skipped> skipped = new ArrayList<>(PlanCheck.refused(plan(t, lab)));
    while (true) {
      Set<Step> skip = skipped.stream().map(Skipped::step).collect(Collectors.toSet());
      try {
        return new Result(labs.up(t, lab, spec, confirmSeconds, file, skip), skipped);
      } catch (Applier.ApplyException e) {
        Step failed = e.step();
        if (e.cancelled() || failed == null || skip.contains(failed) || skipped.size() >= MAX_LEFT_OUT) {
          throw e;
        }
        skipped.add(new Skipped(failed, Reasons.of(e.getCause() != null ? e.getCause() : e)));
      } catch (ConflictCheck.Found f) {
        // A step that needs an interface the design never makes: it would fail, so it is left out too.
        List<Skipped> failing = f.conflicts().stream().filter(c -> c.step() != null && !skip.contains(c.step()))
            .map(c -> new Skipped(c.step(), c.object() + ": " + c.holder())).toList();
        if (failing.isEmpty() || skipped.size() + failing.size() > MAX_LEFT_OUT) {
          throw f;
        }
        skipped.addAll(failing);
      }
    }
  }

  /**
   * The design's full plan. A value the planner itself refuses (a guest's QEMU command line could
   * not carry it) leaves no plan to apply part of: that one is said, to be fixed first.
   */
  private static Plan plan(Topology t, String lab) throws IOException {
    try {
      return Labs.planner(lab).full(t);
    } catch (IllegalArgumentException e) {
      throw new IOException("the design cannot be planned, not even in part: " + e.getMessage()
          + "; fix this first", e);
    }
  }

  /** The plan without the steps in {@code skip}. */
  static Plan without(Plan plan, Set<Step> skip) {
    return skip.isEmpty() ? plan : new Plan(plan.steps().stream().filter(s -> !skip.contains(s)).toList());
  }
}
