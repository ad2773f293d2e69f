package dev.patchbay.app.designer.lab;

import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.PlanText;
import dev.patchbay.model.topology.Topology;

/**
 * What the Apply dialog shows before anything changes: where the steps go, every step, and for the
 * real host a warning (and the confirm-or-revert countdown when the steps can cut the host off).
 *
 * @param warning null for a sandbox; for the host, what is at stake
 * @param confirmSeconds the countdown the apply asks for (0: none)
 */
public record ApplyPlan(TargetSpec where, String title, String header, String warning, String planText,
    int steps, boolean cutsOff, int confirmSeconds) {
  /** Like `patchbay up --confirm`'s default. */
  public static final int CONFIRM_SECONDS = 60;

  /** The plan for lab {@code lab}: its NAT goes into the lab's own nft table, as the apply puts it. */
  public static ApplyPlan of(Topology t, TargetSpec where, String lab) {
    Plan plan = Labs.planner(lab).full(t);
    boolean cutsOff = Labs.cutsOff(plan, t);
    String text = PlanText.render(plan);
    int n = plan.steps().size();
    if (where.kind() != TargetSpec.Kind.HOST) {
      return new ApplyPlan(where, "Apply in a sandbox", "These " + n + " steps run in private network namespaces;"
          + " the real host is not touched.", null, text, n, cutsOff, 0);
    }
    String warning = "This is not a sandbox: these steps change this machine's real interfaces, addresses, routes,"
        + " sysctls and nft rules (steps the host has already are skipped). Lab > Tear Down removes what Patchbay"
        + " made.";
    if (cutsOff) {
      warning += " Some steps can cut this machine off its network (moving or bridging the uplink's address, proxy"
          + " ARP on the uplink): unless you press Keep Changes within " + CONFIRM_SECONDS + " s, everything is"
          + " reverted by itself.";
    }
    return new ApplyPlan(where, "Apply to THIS HOST", "These " + n + " steps change THIS HOST's real network.",
        warning, text, n, cutsOff, cutsOff ? CONFIRM_SECONDS : 0);
  }
}
