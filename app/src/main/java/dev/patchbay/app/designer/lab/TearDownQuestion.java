package dev.patchbay.app.designer.lab;

import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What Lab > Tear Down asks before it acts: the lab by name, where it runs, and what goes, read from
 * the plan its design applied (the running guests stop and what they held in memory is lost).
 *
 * @param title the dialog's header ("Tear down lab nat-bridge?")
 * @param where one line on where the lab runs and what happens to that place
 * @param removes one line per kind of thing removed, with names
 */
public record TearDownQuestion(String title, String where, List<String> removes) {
  private static final int NAMES = 8;

  public TearDownQuestion {
    removes = List.copyOf(removes);
  }

  /** The question for lab {@code lab}, applied to {@code kind} from design {@code applied}. */
  public static TearDownQuestion of(String lab, TargetSpec.Kind kind, Topology applied) {
    Plan plan = Labs.planner(lab).full(applied);
    List<String> removes = new ArrayList<>();
    add(removes, "stops", "guest", "guests", plan.stepsOf(Step.StartGuest.class), Step.StartGuest::guest,
        " (their QEMU processes end; what they hold in memory is lost)");
    add(removes, "stops", "VDE switch", "VDE switches", plan.stepsOf(Step.StartVdeSwitch.class),
        Step.StartVdeSwitch::name, "");
    add(removes, "removes", "tap", "taps", plan.stepsOf(Step.CreateTap.class), Step.CreateTap::name, "");
    add(removes, "removes", "bridge", "bridges", plan.stepsOf(Step.CreateBridge.class), Step.CreateBridge::name, "");
    add(removes, "removes", "nft table", "nft tables", plan.stepsOf(Step.LoadNat.class), Step.LoadNat::table,
        " (its NAT rules)");
    int addresses = plan.stepsOf(Step.AddAddress.class).size();
    int routes = plan.stepsOf(Step.AddRoute.class).size();
    int sysctls = plan.stepsOf(Step.SetSysctl.class).size();
    if (addresses + routes + sysctls > 0 && kind != TargetSpec.Kind.SANDBOX) {
      removes.add("takes back " + addresses + " address(es) and " + routes + " route(s) it added, and sets "
          + sysctls + " sysctl(s) back to what they were");
    }
    plan.stepsOf(Step.ClearUplinkAddresses.class).forEach(s ->
        removes.add("gives " + s.uplink() + " back the addresses the lab moved off it"));
    return new TearDownQuestion("Tear down lab " + lab + "?", where(kind), removes);
  }

  private static String where(TargetSpec.Kind kind) {
    return switch (kind) {
      case SANDBOX -> "The lab runs in a private sandbox: its network namespaces are deleted with everything in them;"
          + " this host is not touched.";
      case NETNS -> "The lab runs in a network namespace: what it made there is removed.";
      case HOST -> "The lab runs on THIS HOST: what Patchbay made on its real network is removed; what was there"
          + " before is left as it was.";
    };
  }

  private static <S> void add(List<String> out, String verb, String one, String many, List<S> steps,
      Function<S, String> name, String after) {
    if (steps.isEmpty()) {
      return;
    }
    List<String> names = steps.stream().map(name).distinct().toList();
    String shown = String.join(", ", names.subList(0, Math.min(NAMES, names.size())))
        + (names.size() > NAMES ? " and " + (names.size() - NAMES) + " more" : "");
    out.add(verb + " " + names.size() + " " + (names.size() == 1 ? one : many) + ": " + shown + after);
  }

  /** The whole question as the dialog shows it under its header. */
  public String text() {
    StringBuilder sb = new StringBuilder(where).append("\n\nTear Down:");
    removes.forEach(r -> sb.append("\n  - ").append(r));
    if (removes.isEmpty()) {
      sb.append("\n  - removes what the lab's journal says it made");
    }
    return sb.toString();
  }
}
