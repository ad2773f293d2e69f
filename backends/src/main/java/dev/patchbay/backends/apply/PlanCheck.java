package dev.patchbay.backends.apply;

import dev.patchbay.backends.netlink.Names;
import dev.patchbay.backends.sysctl.Sysctl;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.plan.LiveState;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.plan.Plan;

/**
 * Checks every name and value of a plan before the first kernel call, so a bad name (shell
 * metacharacters, over 15 bytes) fails the whole apply with a clear message and changes nothing.
 */
final class PlanCheck {
  private PlanCheck() {}

  static void check(Plan plan) {
    int i = 0;
    for (Step s : plan.steps()) {
      i++;
      try {
        checkStep(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("step " + i + " refused before any change: " + e.getMessage(), e);
      }
    }
  }

  /** Each step this check refuses, with why: what a lenient up leaves out before it starts. */
  static java.util.List<LenientUp.Skipped> refused(Plan plan) {
    java.util.List<LenientUp.Skipped> out = new java.util.ArrayList<>();
    java.util.Set<String> guests = new java.util.HashSet<>();
    for (Step s : plan.steps()) {
      try {
        checkStep(s);
        if (s instanceof Step.StartGuest g && !guests.add(g.guest())) {
          throw new IllegalArgumentException("another guest is named " + g.guest() + ": the two would share one run"
              + " folder and pid file, and down could stop only one of them (qemu.name-clash)");
        }
      } catch (IllegalArgumentException e) {
        out.add(new LenientUp.Skipped(s, e.getMessage()));
      }
    }
    return out;
  }

  private static void checkStep(Step step) {
    if (step instanceof Step.CreateTap s) {
      Names.checked(s.name(), "tap");
    } else if (step instanceof Step.CreateBridge s) {
      Names.checked(s.name(), "bridge");
    } else if (step instanceof Step.Enslave s) {
      Names.checked(s.device(), "bridge port");
      Names.checked(s.bridge(), "bridge");
    } else if (step instanceof Step.SetUp s) {
      Names.checked(s.device(), "interface");
    } else if (step instanceof Step.AddAddress s) {
      Names.checked(s.device(), "interface");
      cidr(s.cidr());
    } else if (step instanceof Step.AddRoute s) {
      if (s.device() != null) {
        Names.checked(s.device(), "route device");
      }
      cidr(LiveState.normalDestination(s.destination()));
      if (s.via() != null) {
        cidr(s.via() + "/32");
      }
    } else if (step instanceof Step.SetSysctl s) {
      Sysctl.path(Planner.procSysPath(s.key()));
    } else if (step instanceof Step.LoadNat s) {
      NatRuleset.text(s.table(), s.rules());
    } else if (step instanceof Step.ClearUplinkAddresses s) {
      Names.checked(s.uplink(), "uplink");
    }
  }

  private static void cidr(String text) {
    if (Cidr.parse(text).isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' is not an IPv4 address or CIDR");
    }
  }
}
